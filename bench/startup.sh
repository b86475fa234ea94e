#!/usr/bin/env bash
# Start-up profile of the commands through ./vsm, on a project with state: for each, the classes the
# JVM loads and how many of them come from outside the start-up archive (-Xlog:class+load, passed
# through JAVA_TOOL_OPTIONS), and the launcher's own work timed alone (the script up to its exec).
# Times side by side with the Python implementation: bench/vs-python/run.
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES" "$ROOT/.vsm-launcher-only"' EXIT
"${JAVA[@]}" LogReads "$work" 1000 generate
fake="$ROOT/vsm-adapter-claude-cli/src/test/resources/fake-claude/claude"
payloads="$ROOT/vsm-adapter-cli/src/test/resources/hook-payloads"
echo "classes loaded (outside the archive) per command:"
while IFS= read -r line; do
  input=/dev/null
  if [[ "$line" == *" < "* ]]; then # a hook: its JSON on stdin
    input="$payloads/${line##* < }"
    line="${line% < *}"
  fi
  read -ra args <<< "$line"
  JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/classes.txt" "$ROOT/vsm" -d "$work" "${args[@]}" \
    >/dev/null 2>&1 <"$input" || true
  total=$(wc -l < "$work/classes.txt")
  outside=$(grep -vc "shared objects file" "$work/classes.txt" || true)
  printf '  %-45s %5d (%d)\n' "${line/$fake/claude}" "$total" "$outside"
done <<EOF2
state
state --json
log --log-count 20
tasks
--state
analyze Add OAuth2 login
--version
hook session-start < session-start.json
hook post-tool-use --plugin < post-tool-use-edit.json
--help
plan Add a login form
--claude-command $fake Add user validation
run --claude-command $fake --model sonnet Add user validation
EOF2
# The launcher's own work: the same script up to the exec.
sed 's/^exec "\$java"/exit 0; exec "$java"/' "$ROOT/vsm" > "$ROOT/.vsm-launcher-only"
chmod +x "$ROOT/.vsm-launcher-only"
hyperfine -N -w 3 -r 30 "$ROOT/.vsm-launcher-only state" 2>&1 | grep -E "Time" | sed 's/^/launcher alone: /'
