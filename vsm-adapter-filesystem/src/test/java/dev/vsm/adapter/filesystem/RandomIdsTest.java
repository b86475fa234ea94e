package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids vsm draws from the kernel's random bytes: log sessions and agents' Claude sessions. */
class RandomIdsTest {

  @Test
  void a_session_uuid_is_a_random_version_4_uuid_as_the_claude_cli_takes_it_and_none_repeats() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = FileSystemAdapters.randomUuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
      assertThat(seen.add(id)).as("repeated %s", id).isTrue();
    }
    // each of the 122 other bits is seen both set and clear
    long msbOr = 0;
    long msbAnd = -1;
    long lsbOr = 0;
    long lsbAnd = -1;
    for (UUID id : seen) {
      msbOr |= id.getMostSignificantBits();
      msbAnd &= id.getMostSignificantBits();
      lsbOr |= id.getLeastSignificantBits();
      lsbAnd &= id.getLeastSignificantBits();
    }
    assertThat(msbOr & ~msbAnd).isEqualTo(~0xF000L);
    assertThat(lsbOr & ~lsbAnd).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);
  }

  @Test
  void a_log_session_is_the_environments_or_twelve_random_hex_characters() {
    assertThat(FileSystemAdapters.sessionId("from-claude")).isEqualTo("from-claude");
    assertThat(FileSystemAdapters.sessionId(" ")).matches("[0-9a-f]{12}");
    assertThat(FileSystemAdapters.sessionId(null))
        .matches("[0-9a-f]{12}")
        .isNotEqualTo(FileSystemAdapters.sessionId(null));
  }
}
