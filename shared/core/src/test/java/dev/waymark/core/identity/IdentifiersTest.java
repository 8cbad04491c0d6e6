package dev.waymark.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void ordinaryIdentifiersPass() {
    assertThat(Identifiers.problem("cust-10042", 200)).isEmpty();
    assertThat(Identifiers.problem("Zoë Łukasiewicz 😀", 200)).isEmpty(); // a pair is fine
    assertThat(Identifiers.problem(IdentityNamespace.EMAIL, " Ana@Example.com ")).isEmpty();
    assertThat(Identifiers.problem(IdentityNamespace.PHONE, "+44 7700 900123")).isEmpty();
  }

  @Test
  void lengthIsCountedInCharactersAndInUtf8Bytes() {
    assertThat(Identifiers.problem("x".repeat(200), 200)).isEmpty();
    assertThat(Identifiers.problem("x".repeat(201), 200))
        .contains("must be at most 200 characters");
    assertThat(Identifiers.problem("€".repeat(170), 200)).isEmpty(); // 510 bytes
    assertThat(Identifiers.problem("€".repeat(171), 200))
        .contains("must be at most 512 bytes as UTF-8");
    assertThat(Identifiers.problem(IdentityNamespace.USER_ID, "u".repeat(201))).isPresent();
    assertThat(Identifiers.problem(IdentityNamespace.EMAIL, "e".repeat(320))).isEmpty();
    assertThat(Identifiers.problem(IdentityNamespace.EMAIL, "e".repeat(321))).isPresent();
  }

  @Test
  void unpairedSurrogatesAreNotValidUnicode() {
    assertThat(Identifiers.problem("u-\uD800", 200))
        .hasValueSatisfying(m -> assertThat(m).contains("unpaired surrogate").contains("D800"));
    assertThat(Identifiers.problem("\uDC00u", 200)).isPresent();
    assertThat(Identifiers.problem("\uD83D\uDE00\uD83D", 200)).isPresent();
    assertThat(Identifiers.unpairedSurrogateAt("a\uD83D\uDE00b")).isEqualTo(-1);
    assertThat(Identifiers.unpairedSurrogateAt("ab\uDE00")).isEqualTo(2);
  }

  @Test
  void controlCharactersAreRefusedAnywhere() {
    assertThat(Identifiers.problem("a\u0000b", 200))
        .hasValueSatisfying(m -> assertThat(m).contains("control").contains("U+0000"));
    assertThat(Identifiers.problem("ab\n", 200)).isPresent();
    assertThat(Identifiers.problem("\tab", 200)).isPresent();
    assertThat(Identifiers.problem("a\u0085b", 200)).isPresent(); // C1 next line
  }

  @Test
  void blankOrInvisibleOnlyIdentifiersAreRefused() {
    assertThat(Identifiers.problem("", 200)).contains("must not be empty");
    assertThat(Identifiers.problem("   ", 200)).contains("must contain a visible character");
    assertThat(Identifiers.problem("\u200B\u200C\u200D\uFEFF", 200)).isPresent();
    assertThat(Identifiers.problem("\u3164", 200)).isPresent();
    assertThat(Identifiers.problem("\u00A0\u2003", 200)).isPresent();
    assertThat(Identifiers.problem("a\u200Bb", 200)).isEmpty(); // visible around it: allowed
  }

  @Test
  void aPhoneThatIsBlankOnceNormalisedIsRefused() {
    assertThat(Identifiers.problem(IdentityNamespace.PHONE, "( ) - ."))
        .contains("must contain a visible character once normalised");
  }

  @Test
  void theThrowingFormsNameTheField() {
    assertThatThrownBy(() -> Identifiers.require("id", "p".repeat(300), 200))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("id");
            });
    assertThat(Identifiers.identity("email", IdentityNamespace.EMAIL, " A@B.C "))
        .isEqualTo(new Identity(IdentityNamespace.EMAIL, "a@b.c"));
  }
}
