package dev.waymark.core.journey.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.journey.language.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The split's deterministic choice. */
class SplitsTest {
  static final List<Step.Variant> AB =
      List.of(
          new Step.Variant("a", 20, Optional.of("x")), new Step.Variant("b", 80, Optional.of("y")));

  @Test
  void theBucketIsAFixedFunctionOfRunAndStep() {
    // pinned: the same on every machine and every version of the JVM
    assertThat(Splits.bucket("run-1", "ab")).isEqualTo(Splits.bucket("run-1", "ab"));
    assertThat(Splits.bucket("run-1", "ab")).isBetween(0, 99);
    int[] pinned = {Splits.bucket("run-1", "ab"), Splits.bucket("run-2", "ab")};
    assertThat(pinned).containsExactly(expected("run-1:ab"), expected("run-2:ab"));
  }

  /** SHA-256 of the text, first 8 bytes big-endian, unsigned, mod 100: computed independently. */
  static int expected(String text) {
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.math.BigInteger first8 = new java.math.BigInteger(1, java.util.Arrays.copyOf(h, 8));
      return first8.mod(java.math.BigInteger.valueOf(100)).intValue();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void variantsTakeTheirShareOfRunsByCumulativePercent() {
    Map<String, Integer> taken = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      String run = "run-" + i;
      Step.Variant v = Splits.pick(run, "ab", AB);
      assertThat(v.name()).isEqualTo(Splits.bucket(run, "ab") < 20 ? "a" : "b");
      taken.merge(v.name(), 1, Integer::sum);
    }
    assertThat(taken.get("a")).isBetween(1_800, 2_200);
    assertThat(taken.get("b")).isBetween(7_800, 8_200);
  }

  @Test
  void aZeroPercentVariantIsNeverTakenAndPercentsMustAddUpTo100() {
    List<Step.Variant> never =
        List.of(
            new Step.Variant("off", 0, Optional.empty()),
            new Step.Variant("on", 100, Optional.empty()));
    for (int i = 0; i < 500; i++) {
      assertThat(Splits.pick("run-" + i, "s", never).name()).isEqualTo("on");
    }
    assertThatThrownBy(
            () -> Splits.pick("r", "s", List.of(new Step.Variant("a", 60, Optional.empty()))))
        .hasMessageContaining("60, not 100");
  }
}
