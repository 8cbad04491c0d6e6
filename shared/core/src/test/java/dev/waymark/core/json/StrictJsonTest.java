package dev.waymark.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {

  @Test
  void oneValueIsRead() {
    assertThat(StrictJson.parse(" {\"a\":[1,2]} \n", "/", 100).path("a").size()).isEqualTo(2);
    assertThat(StrictJson.parse("[]", "/", 100).isArray()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "trailing garbage    | {\"a\":1} x          | only one JSON value is allowed; more content follows the value that ends at line 1, column 8",
        "a second document   | {\"a\":1}{\"b\":2}    | only one JSON value is allowed",
        "a second array      | [] []               | only one JSON value is allowed",
        "cut short           | {\"a\":[1          | malformed JSON: the body ends before the JSON value is complete (at line 1, column 8) in /a/0",
        "a dangling comma    | {\"a\":[1,]        | malformed JSON at line 1, column 9: unexpected character ']' in /a/1",
        "a repeated key      | {\"a\":1,\"a\":2}    | malformed JSON: a key is repeated (at line 1, column 11) in /a",
        "an unexpected char  | {\"a\":1 \"b\"}     | malformed JSON at line 1, column 8: unexpected character '\"' in /a",
        "not JSON at all     | id: j               | malformed JSON at line 1",
      })
  void malformedBodiesAreRefusedInPlainWordsNamingTheBody(
      String name, String body, String message) {
    assertThatThrownBy(() -> StrictJson.parse(body, "/", 1000))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.field()).isEqualTo("/");
                        assertThat(f.message()).startsWith(message);
                        assertNoInternals(f.message());
                      });
            });
  }

  @Test
  void nestingIsLimited() {
    String deep = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
    assertThat(StrictJson.parse(deep, "", 10_000).isArray()).isTrue();
    String deeper = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
    assertThatThrownBy(() -> StrictJson.parse(deeper, "", 10_000))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().errors().get(0).field()).isEmpty();
              assertThat(e.problem().errors().get(0).message())
                  .startsWith("nested more than 64 levels deep");
              assertNoInternals(e.problem().detail());
            });
  }

  @Test
  void aNumberTooLongIsNotCalledNesting() {
    assertThatThrownBy(() -> StrictJson.parse("{\"n\":" + "9".repeat(2000) + "}", "/", 10_000))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors().get(0).message())
                    .startsWith("a number or text in the body is too long")
                    .doesNotContain("nested"));
  }

  @Test
  void aControlCharacterIsNamedByItsCodePoint() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":\"x\u0001\"}", "/", 100))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().detail()).contains("unexpected character U+0001"));
  }

  @Test
  void sizeIsCountedInUtf8BytesAndEmptinessIsNamed() {
    String body = "\"" + "é".repeat(60) + "\"";
    assertThatThrownBy(() -> StrictJson.parse(body, "/", 100))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(413);
              assertThat(e.problem().detail()).contains("at most 100 bytes");
            });
    assertThatThrownBy(() -> StrictJson.parse("  ", "/", 100))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().detail()).isEqualTo("/: a JSON body is required"));
  }

  private static void assertNoInternals(String text) {
    assertThat(text)
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain("java.")
        .doesNotContain("Node")
        .doesNotContain("Feature")
        .doesNotContain("Constraints")
        .doesNotContain("()");
  }
}
