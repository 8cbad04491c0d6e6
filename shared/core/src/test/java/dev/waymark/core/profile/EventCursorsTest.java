package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventCursorsTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final KeyRing keys = KeyRing.fixed(SigningKeys.random());
  final EventCursors cursors = cursorsAt(clock);

  EventCursors cursorsAt(Clock at) {
    return new EventCursors(new SignedTokens(keys, at), EventCursors.DEFAULT_LIFETIME, at);
  }

  static String refusal(Runnable call) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, call::run);
    assertThat(problem).isNotNull();
    assertThat(problem.problem().status()).isEqualTo(400);
    assertThat(problem.problem().errors().get(0).field()).isEqualTo("cursor");
    return problem.problem().detail();
  }

  @Test
  void aCursorCarriesItsPositionForItsProfileOnly() {
    String cursor = cursors.issue("p-1", "ZTEKcC0xCkUjeA");

    assertThat(cursors.open("p-1", cursor)).isEqualTo("ZTEKcC0xCkUjeA");
    assertThat(refusal(() -> cursors.open("p-2", cursor)))
        .isEqualTo(
            "cursor: not a cursor this API issued for this profile; use nextCursor as given");
    assertThat(refusal(() -> cursors.open("p-", cursor))).contains("not a cursor");
  }

  @Test
  void noPositionIsNoCursorAndNoCursorIsTheFirstPage() {
    assertThat(cursors.issue("p-1", null)).isNull();
    assertThat(cursors.open("p-1", null)).isNull();
  }

  @Test
  void aCursorExpiresAfterADay() {
    String cursor = cursors.issue("p-1", "pos");

    assertThat(
            cursorsAt(Clock.offset(clock, Duration.ofHours(24).minusSeconds(1)))
                .open("p-1", cursor))
        .isEqualTo("pos");
    assertThat(
            refusal(() -> cursorsAt(Clock.offset(clock, Duration.ofHours(24))).open("p-1", cursor)))
        .isEqualTo(
            "cursor: this cursor has expired (cursors work for 24 hours); start again from the"
                + " first page");
  }

  @Test
  void tokensOfAnotherKeyOrPurposeOrShapeAreRefused() {
    SignedTokens sameKey = new SignedTokens(keys, clock);
    SignedTokens otherKey = new SignedTokens(KeyRing.fixed(SigningKeys.random()), clock);
    Instant later = NOW.plusSeconds(60);
    for (String cursor :
        new String[] {
          otherKey.sign(EventCursors.PURPOSE, "p-1\npos", later),
          sameKey.sign("unsubscribe", "p-1\npos", later),
          sameKey.sign(EventCursors.PURPOSE, "p-1\n", later),
          sameKey.sign(EventCursors.PURPOSE, "p-1", later),
          "",
          "a.b.c",
          "x".repeat(EventCursors.MAX_LENGTH + 1)
        }) {
      assertThat(refusal(() -> cursors.open("p-1", cursor))).contains("not a cursor");
    }
  }
}
