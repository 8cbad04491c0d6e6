package dev.waymark.local.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The virtual clock following a (here: hand-moved) wall clock, frozen, advanced, followed again.
 */
class ClockFollowerTest {
  static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  /** A wall clock that moves only when the test moves it. */
  static final class Wall extends Clock {
    Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void followsFreezesAndKeepsItsLeadWhenFollowingAgain() {
    Wall wall = new Wall();
    VirtualClock clock = new VirtualClock(T0);
    try (ClockFollower follower = new ClockFollower(clock, wall, true)) {
      wall.now = T0.plus(Duration.ofMinutes(90));
      follower.catchUp();
      assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(90)));

      follower.freeze();
      wall.now = wall.now.plus(Duration.ofHours(5));
      follower.catchUp();
      assertThat(follower.following()).isFalse();
      assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(90)));

      follower.follow(); // 5 h behind the wall now, and it stays so
      wall.now = wall.now.plus(Duration.ofHours(1));
      follower.catchUp();
      assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(150)));

      follower.advance(Duration.ofDays(2)); // a test takes over
      assertThat(follower.following()).isFalse();
      wall.now = wall.now.plus(Duration.ofHours(1));
      follower.catchUp();
      assertThat(clock.instant())
          .isEqualTo(T0.plus(Duration.ofMinutes(150)).plus(Duration.ofDays(2)));
    }
  }

  @Test
  void aFollowingClockNeverMovesBack() {
    Wall wall = new Wall();
    VirtualClock clock = new VirtualClock(T0.plusSeconds(30));
    try (ClockFollower follower = new ClockFollower(clock, wall, true)) {
      follower.catchUp();
      assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
    }
  }
}
