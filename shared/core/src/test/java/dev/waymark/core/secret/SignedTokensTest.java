package dev.waymark.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final SigningKeys keys = SigningKeys.random();
  final SignedTokens tokens = new SignedTokens(KeyRing.fixed(keys), clock);

  @Test
  void aTokenCarriesItsKeyIdAndPayloadUntilItExpires() {
    String token = tokens.sign("unsubscribe", "p-1|email|", NOW.plusSeconds(60));

    assertThat(token).startsWith(keys.current().id() + ".");
    assertThat(tokens.verify("unsubscribe", token))
        .isEqualTo(
            new SignedTokens.Check(SignedTokens.Status.VALID, java.util.Optional.of("p-1|email|")));
    SignedTokens later =
        new SignedTokens(KeyRing.fixed(keys), Clock.offset(clock, Duration.ofSeconds(60)));
    assertThat(later.verify("unsubscribe", token).status()).isEqualTo(SignedTokens.Status.EXPIRED);
  }

  @Test
  void alteredForgedOrMisusedTokensAreInvalid() {
    String token = tokens.sign("unsubscribe", "p-1|email|", NOW.plusSeconds(60));
    String[] parts = token.split("\\.");
    SigningKeys other = SigningKeys.random();
    String forged =
        new SignedTokens(KeyRing.fixed(other), clock)
            .sign("unsubscribe", "p-2|email|", NOW.plusSeconds(60));
    String otherBody =
        tokens.sign("unsubscribe", "p-2|email|", NOW.plusSeconds(60)).split("\\.")[1];

    for (String bad :
        List.of(
            parts[0] + "." + otherBody + "." + parts[2],
            other.current().id() + "." + parts[1] + "." + parts[2],
            forged,
            token + "x",
            token.substring(token.indexOf('.') + 1),
            "",
            "a.b.c",
            "..")) {
      assertThat(tokens.verify("unsubscribe", bad).status())
          .as(bad)
          .isEqualTo(SignedTokens.Status.INVALID);
    }
    assertThat(tokens.verify("click", token).status()).isEqualTo(SignedTokens.Status.INVALID);
    assertThat(tokens.verify("unsubscribe", null).status()).isEqualTo(SignedTokens.Status.INVALID);
  }

  @Test
  void afterARotationThePreviousKeysTokensStillVerifyAndNewTokensUseTheNewKey() {
    byte[] first = SigningKeys.randomSecret();
    byte[] second = SigningKeys.randomSecret();
    byte[] third = SigningKeys.randomSecret();
    AtomicReference<SigningKeys> source = new AtomicReference<>(SigningKeys.of(first, List.of()));
    MutableClock time = new MutableClock(NOW);
    KeyRing ring = new KeyRing(source::get, time, Duration.ofMinutes(1), Duration.ofHours(1));
    SignedTokens signer = new SignedTokens(ring, time);
    String old = signer.sign("unsubscribe", "x", NOW.plus(Duration.ofDays(90)));

    source.set(SigningKeys.of(second, List.of(first))); // rotated: first is AWSPREVIOUS
    time.now = NOW.plus(Duration.ofHours(1));
    String fresh = signer.sign("unsubscribe", "y", NOW.plus(Duration.ofDays(90)));

    assertThat(fresh).startsWith(SigningKeys.keyId(second) + ".");
    assertThat(signer.verify("unsubscribe", old).status()).isEqualTo(SignedTokens.Status.VALID);
    assertThat(signer.verify("unsubscribe", fresh).status()).isEqualTo(SignedTokens.Status.VALID);

    source.set(SigningKeys.of(third, List.of(second))); // rotated again: first is gone
    time.now = time.now.plus(Duration.ofHours(1));
    assertThat(signer.verify("unsubscribe", old).status()).isEqualTo(SignedTokens.Status.INVALID);
    assertThat(signer.verify("unsubscribe", fresh).status()).isEqualTo(SignedTokens.Status.VALID);
  }

  @Test
  void anUnknownKeyIdReadsTheKeysAgainAtMostOncePerMinute() {
    byte[] first = SigningKeys.randomSecret();
    byte[] second = SigningKeys.randomSecret();
    AtomicReference<SigningKeys> source = new AtomicReference<>(SigningKeys.of(first, List.of()));
    AtomicInteger reads = new AtomicInteger();
    MutableClock time = new MutableClock(NOW);
    KeyRing ring =
        new KeyRing(
            () -> {
              reads.incrementAndGet();
              return source.get();
            },
            time,
            Duration.ofMinutes(1),
            Duration.ofHours(1));
    SignedTokens verifier = new SignedTokens(ring, time);
    assertThat(reads).hasValue(0); // nothing read before first use

    source.set(SigningKeys.of(second, List.of(first)));
    String byAnotherFunction =
        new SignedTokens(KeyRing.fixed(source.get()), time)
            .sign("unsubscribe", "z", NOW.plusSeconds(3600));
    time.now = NOW.plusSeconds(61);
    assertThat(verifier.verify("unsubscribe", "ffffffffffff.a.b").status())
        .isEqualTo(SignedTokens.Status.INVALID);
    int afterFirstLookup = reads.get();
    for (int i = 0; i < 5; i++) {
      verifier.verify("unsubscribe", "eeeeeeeeeeee.a.b");
    }
    assertThat(reads).hasValue(afterFirstLookup);
    assertThat(verifier.verify("unsubscribe", byAnotherFunction).status())
        .isEqualTo(SignedTokens.Status.VALID);
  }

  @Test
  void keysShorterThan32BytesAreRefused() {
    assertThatThrownBy(() -> SigningKeys.of(new byte[31], List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    List<byte[]> previous = new ArrayList<>();
    previous.add(null);
    assertThat(SigningKeys.of(new byte[32], previous).ids()).hasSize(1);
    assertThat(SigningKeys.random().current().id())
        .isNotEqualTo(SigningKeys.random().current().id());
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
