package dev.waymark.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
  @TempDir Path data;

  @Test
  void aSecretIsGeneratedOnceAndReadBackByTheNextRuntimeOnTheSameFolder() throws Exception {
    byte[] first = LocalSecrets.in(data).bytes("unsubscribe");

    assertThat(first).hasSize(LocalSecrets.LENGTH);
    assertThat(LocalSecrets.in(data).bytes("unsubscribe")).isEqualTo(first);
    assertThat(Files.readString(data.resolve("secrets/unsubscribe.key")).strip())
        .isEqualTo(LocalSecrets.in(data).base64("unsubscribe"));
    assertThat(Files.getPosixFilePermissions(data.resolve("secrets/unsubscribe.key")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void namesAndFoldersHaveTheirOwnRandomSecrets(@TempDir Path other) {
    LocalSecrets secrets = LocalSecrets.in(data);

    assertThat(secrets.bytes("unsubscribe")).isNotEqualTo(secrets.bytes("click-tokens"));
    assertThat(LocalSecrets.in(other).bytes("unsubscribe"))
        .isNotEqualTo(secrets.bytes("unsubscribe"));
    assertThat(LocalSecrets.ephemeral().bytes("unsubscribe"))
        .isNotEqualTo(LocalSecrets.ephemeral().bytes("unsubscribe"));
  }

  @Test
  void theCallerGetsACopy() {
    LocalSecrets secrets = LocalSecrets.ephemeral();
    byte[] secret = secrets.bytes("unsubscribe");
    secret[0]++;

    assertThat(secrets.bytes("unsubscribe")).isNotEqualTo(secret);
  }

  @Test
  void aNameThatIsNotAFileNameIsRefused() {
    assertThatThrownBy(() -> LocalSecrets.in(data).bytes("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../escape");
    assertThat(data.resolve("secrets")).doesNotExist();
  }

  @Test
  void aDamagedSecretFileIsReportedNotReplaced() throws Exception {
    Files.createDirectories(data.resolve("secrets"));
    Files.writeString(data.resolve("secrets/unsubscribe.key"), "not base64 !");

    assertThatThrownBy(() -> LocalSecrets.in(data).bytes("unsubscribe"))
        .hasMessageContaining("unsubscribe.key");
    assertThat(Files.readString(data.resolve("secrets/unsubscribe.key"))).isEqualTo("not base64 !");
  }
}
