package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.protocol.AuditProtocol;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.application.protocol.S2Protocol;
import dev.vsm.application.protocol.S3Protocol;
import dev.vsm.application.protocol.S4Protocol;
import dev.vsm.application.protocol.S5Protocol;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each built-in agent definition tells its agent to end with names exactly the fields of the
 * schema the agent is run with: the two cannot drift apart.
 */
class ReplySchemaAgreementTest {

  private static final Pattern KEY = Pattern.compile("\"([a-z_]+)\"\\s*:");

  @TempDir Path work;

  static Map<String, String> schemas() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("system4-strategy", S4Protocol.SCHEMA);
    m.put("system3-control", S3Protocol.SCHEMA);
    m.put("system2-coordination", S2Protocol.SCHEMA);
    m.put("system3-audit", AuditProtocol.SCHEMA);
    m.put("system5-policy", S5Protocol.APPROVAL_SCHEMA);
    for (String name : AgentDefinitions.BUILT_IN) {
      if (name.startsWith("s1-")) {
        m.put(name, S1Protocol.SCHEMA);
      }
    }
    return m;
  }

  static Set<String> agents() {
    return schemas().keySet();
  }

  @ParameterizedTest
  @MethodSource("agents")
  void the_definitions_closing_json_names_the_fields_of_its_schema(String agent) {
    String prompt = new AgentDefinitions(null).resolve(agent, work).prompt();
    String closing = prompt.substring(prompt.lastIndexOf("End your reply"));

    assertThat(keysIn(closing)).isEqualTo(schemaKeys(schemas().get(agent)));
  }

  @org.junit.jupiter.api.Test
  void every_built_in_agent_has_a_schema() {
    assertThat(agents()).containsExactlyInAnyOrderElementsOf(AgentDefinitions.BUILT_IN);
  }

  static Set<String> keysIn(String text) {
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY.matcher(text);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  static Set<String> schemaKeys(String schema) {
    Set<String> keys = new TreeSet<>();
    collect(JsonMapper.builder().build().readTree(schema), keys);
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    JsonNode properties = node.path("properties");
    properties.propertyNames().forEach(keys::add);
    properties.forEach(p -> collect(p, keys));
    if (node.has("items")) {
      collect(node.get("items"), keys);
    }
  }
}
