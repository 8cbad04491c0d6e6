package dev.waymark.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WriteKeysTest {
  /** Keeps exactly what it is given, so the test can see what was stored. */
  static final class MemoryStore implements WriteKeyStore {
    final Map<String, String> sourcesByHash = new HashMap<>();

    @Override
    public Optional<String> sourceOf(String keyHash) {
      return Optional.ofNullable(sourcesByHash.get(keyHash));
    }

    @Override
    public void store(String keyHash, String source) {
      sourcesByHash.put(keyHash, source);
    }
  }

  private final MemoryStore store = new MemoryStore();
  private final WriteKeys writeKeys = new WriteKeys(store);

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bearerCarriesTheKey() {
    assertThat(WriteKeys.keyFrom("Bearer wk_abc")).contains("wk_abc");
    assertThat(WriteKeys.keyFrom("  bearer   wk_abc  "))
        .as("scheme is case-insensitive, blanks trimmed")
        .contains("wk_abc");
  }

  @Test
  void basicCarriesTheKeyAsTheUserName() {
    assertThat(WriteKeys.keyFrom(basic("wk_abc:"))).contains("wk_abc");
    assertThat(WriteKeys.keyFrom(basic("wk_abc"))).contains("wk_abc");
    assertThat(WriteKeys.keyFrom(basic("wk_abc:ignored-password"))).contains("wk_abc");
    assertThat(
            WriteKeys.keyFrom(
                "BASIC "
                    + Base64.getEncoder()
                        .encodeToString("wk_abc:".getBytes(StandardCharsets.UTF_8))))
        .contains("wk_abc");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "Bearer", "Bearer    ", "Basic !!not-base64!!", "Token wk_abc", "wk_abc"})
  void headersWithoutAKeyGiveNone(String header) {
    assertThat(WriteKeys.keyFrom(header)).isEmpty();
  }

  @Test
  void basicWithAnEmptyUserNameGivesNone() {
    assertThat(WriteKeys.keyFrom(basic(":password"))).isEmpty();
    assertThat(WriteKeys.keyFrom(basic(""))).isEmpty();
  }

  @Test
  void hashIsLowerCaseSha256Hex() {
    assertThat(WriteKeys.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void issueStoresOnlyTheHashOfTheKeyItReturns() {
    String key = writeKeys.issue("web");

    assertThat(key).startsWith("wk_").hasSizeGreaterThan(30);
    assertThat(store.sourcesByHash).containsExactly(Map.entry(WriteKeys.hash(key), "web"));
    assertThat(store.sourcesByHash.toString()).doesNotContain(key.substring(3));
  }

  @Test
  void issuedKeysAreDistinct() {
    assertThat(writeKeys.issue("web")).isNotEqualTo(writeKeys.issue("web"));
    assertThat(store.sourcesByHash).hasSize(2);
  }

  @Test
  void anIssuedKeyAuthenticatesWithEitherSchemeAndOthersDoNot() {
    String key = writeKeys.issue("ios-app");
    assertThat(writeKeys.authenticate("Bearer " + key)).contains("ios-app");
    assertThat(writeKeys.authenticate(basic(key + ":"))).contains("ios-app");
    assertThat(writeKeys.authenticate("Bearer " + key + "x")).isEmpty();
    assertThat(writeKeys.authenticate("Bearer " + WriteKeys.hash(key)))
        .as("the stored hash is not a key")
        .isEmpty();
    assertThat(writeKeys.authenticate(null)).isEmpty();
  }
}
