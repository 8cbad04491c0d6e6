package dev.waymark.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
  @TempDir Path parent;

  @Test
  void aFolderThatIsNotEmptyAndNotWaymarksIsRefusedAndLeftAlone() throws Exception {
    Path home = Files.createDirectories(parent.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "keep me");

    assertThatThrownBy(() -> DataFolder.open(home, true))
        .hasMessageContaining(home.toString())
        .hasMessageContaining("not a Waymark data folder");
    assertThat(home.resolve("thesis.tex")).hasContent("keep me");
  }

  @Test
  void oneRuntimeAtATime() {
    Path dir = parent.resolve("data");
    try (DataFolder first = DataFolder.open(dir, false)) {
      assertThatThrownBy(() -> DataFolder.open(dir, true))
          .hasMessageContaining("another Waymark runtime is using");
      assertThat(first.root()).exists();
    }
    DataFolder.open(dir, false).close(); // released on close
  }

  @Test
  void freshEmptiesTheFolder() throws Exception {
    Path dir = parent.resolve("data");
    try (DataFolder first = DataFolder.open(dir, false)) {
      first.secrets().bytes("unsubscribe");
      Files.createDirectories(first.dynamo());
      Files.writeString(first.dynamo().resolve("shared-local-instance.db"), "rows");
      DataFolder.replace(first.clockFile(), "{}");
    }
    try (DataFolder fresh = DataFolder.open(dir, true)) {
      assertThat(fresh.dynamo()).doesNotExist();
      assertThat(fresh.clockFile()).doesNotExist();
      assertThat(dir.resolve("secrets")).doesNotExist();
    }
  }

  @Test
  void theWriteKeyIsKeptWhileTheTableAcceptsItAndReissuedWhenNot() {
    AtomicInteger issued = new AtomicInteger();
    try (DataFolder data = DataFolder.open(parent.resolve("data"), false)) {
      String first = data.writeKey(key -> false, () -> "wk_" + issued.incrementAndGet());
      String kept = data.writeKey(key -> key.equals(first), () -> "wk_" + issued.incrementAndGet());
      String replaced = data.writeKey(key -> false, () -> "wk_" + issued.incrementAndGet());

      assertThat(first).isEqualTo("wk_1");
      assertThat(kept).isEqualTo("wk_1");
      assertThat(replaced).isEqualTo("wk_2");
      assertThat(data.root().resolve("write-key")).hasContent("wk_2");
    }
  }
}
