package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.HookOrigin;
import dev.vsm.domain.cycle.ToolUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plugin's files agree with vsm: its hooks call events {@code vsm hook} handles, on the tools
 * vsm records and the agents that are vsm's; every {@code vsm} command its skills run is one their
 * {@code allowed-tools} permits and one vsm has.
 */
class PluginFilesTest {

  private static final Path PLUGIN = Path.of("..", "plugin").toAbsolutePath().normalize();

  private static Map<?, ?> json(Path file) throws IOException {
    return JsonMapper.builder().build().readValue(Files.readString(file), Map.class);
  }

  @Test
  void the_plugins_name_is_the_prefix_its_agents_carry_in_claude_code() throws IOException {
    Object name = json(PLUGIN.resolve(".claude-plugin/plugin.json")).get("name");

    assertThat(name + ":").isEqualTo(HookOrigin.PLUGIN_AGENT_PREFIX);
  }

  @Test
  void each_hook_calls_vsm_hook_with_the_event_it_is_registered_for() throws IOException {
    Map<?, ?> hooks = (Map<?, ?>) json(PLUGIN.resolve("hooks/hooks.json")).get("hooks");

    assertThat(hooks.keySet().stream().map(String::valueOf))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(HookInput.Event.values()).map(e -> e.claudeName).toList());
    for (HookInput.Event event : HookInput.Event.values()) {
      for (Object group : (List<?>) hooks.get(event.claudeName)) {
        for (Object h : (List<?>) ((Map<?, ?>) group).get("hooks")) {
          Map<?, ?> hook = (Map<?, ?>) h;
          assertThat(hook.get("type")).isEqualTo("command");
          assertThat(hook.get("command")).isEqualTo("${CLAUDE_PLUGIN_ROOT}/bin/vsm");
          assertThat(((List<?>) hook.get("args")).stream().map(String::valueOf).toList())
              .as(event.claudeName)
              .containsExactly("hook", event.argument, "--plugin");
          // Only the session's start waits for vsm: its answer is the session's context.
          assertThat(hook.get("async"))
              .as(event.claudeName)
              .isEqualTo(event == HookInput.Event.SESSION_START ? null : true);
        }
      }
    }
  }

  @Test
  void the_tool_hook_matches_exactly_the_tools_vsm_records_and_agent_hooks_only_vsms_agents()
      throws IOException {
    Map<?, ?> hooks = (Map<?, ?>) json(PLUGIN.resolve("hooks/hooks.json")).get("hooks");
    String tools =
        (String) ((Map<?, ?>) ((List<?>) hooks.get("PostToolUse")).get(0)).get("matcher");

    assertThat(new TreeSet<>(Arrays.asList(tools.split("\\|"))))
        .isEqualTo(new TreeSet<>(ToolUse.CHANGING_TOOLS));
    for (String event : List.of("SubagentStart", "SubagentStop")) {
      String matcher = (String) ((Map<?, ?>) ((List<?>) hooks.get(event)).get(0)).get("matcher");
      assertThat(Pattern.compile(matcher).matcher("vsm:s1-tester").find()).isTrue();
      assertThat(Pattern.compile(matcher).matcher("Explore").find()).isFalse();
      assertThat(matcher).isEqualTo("^" + HookOrigin.PLUGIN_AGENT_PREFIX);
    }
  }

  /** A skill: its allowed-tools and the vsm command lines its text runs or tells Claude to run. */
  record Skill(String name, List<String> allowed, List<String> commands) {}

  private static List<Skill> skills() throws IOException {
    List<Skill> skills = new ArrayList<>();
    try (Stream<Path> files = Files.list(PLUGIN.resolve("skills"))) {
      for (Path dir : files.sorted().toList()) {
        String text = Files.readString(dir.resolve("SKILL.md"));
        Matcher tools = Pattern.compile("(?m)^allowed-tools: (.*)$").matcher(text);
        assertThat(tools.find()).as(dir + " has allowed-tools").isTrue();
        List<String> allowed = new ArrayList<>();
        Matcher bash = Pattern.compile("Bash\\(([^)]*):\\*\\)").matcher(tools.group(1));
        while (bash.find()) {
          allowed.add(bash.group(1));
        }
        List<String> commands = new ArrayList<>();
        Matcher vsm = Pattern.compile("`!?(vsm [^`]*)`").matcher(text);
        while (vsm.find()) {
          commands.add(vsm.group(1));
        }
        skills.add(new Skill(dir.getFileName().toString(), allowed, commands));
      }
    }
    return skills;
  }

  @Test
  void the_four_skills_run_task_state_log_and_plan_through_vsm() throws IOException {
    assertThat(skills()).extracting(Skill::name).containsExactly("log", "plan", "run", "state");
    for (Skill s : skills()) {
      assertThat(s.allowed()).as(s.name()).containsExactly("vsm " + s.name());
      assertThat(s.commands()).as(s.name()).isNotEmpty();
    }
  }

  @Test
  void every_vsm_command_a_skill_runs_is_allowed_and_parses() throws IOException {
    for (Skill s : skills()) {
      for (String command : s.commands()) {
        assertThat(s.allowed()).as(command).anyMatch(command::startsWith);
        String[] args =
            command
                .substring("vsm ".length())
                .replace("<the task>", "Add a login form")
                .replace("<id>", "cafe0001")
                .replace("<number>", "5")
                .replace("'", "")
                .split(" ");
        var cmd =
            Main.commandLine(
                new VsmCommand.Context(
                    Map.of(), java.io.InputStream.nullInputStream(), null, Terminal.NONE),
                args);
        var parsed = cmd.parseArgs(args);
        assertThat(parsed.subcommand()).as(command).isNotNull();
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(s.name());
      }
    }
  }
}
