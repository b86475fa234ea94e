#!/usr/bin/env bash
# Append throughput of the execution log: one writer process, then four at once, each appending
# 5 000 entries under the directory lock. Prints entries per second.
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
per=5000
for writers in 1 4; do
  dir="$work/w$writers"; mkdir -p "$dir"
  start=$(date +%s%N)
  for i in $(seq 1 "$writers"); do "${JAVA[@]}" AppendThroughput "$dir" "$per" "$i" & done
  wait
  end=$(date +%s%N)
  lines=$(wc -l < "$dir/.claude/vsm-state/execution-log.jsonl")
  awk -v w="$writers" -v l="$lines" -v ns=$((end - start)) \
    'BEGIN { printf "append: %d writer process(es), %d lines in %.2f s = %.0f entries/s (JVM start-up included)\n", w, l, ns/1e9, l/(ns/1e9) }'
done
