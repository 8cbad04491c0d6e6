package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyCounterTest {

  @Test
  void everyCounterIsStoredUnderItsDocumentedNameAndReadBack() {
    Map<JourneyCounter, String> names =
        Map.of(
            JourneyCounter.ENTERED,
            "entered",
            JourneyCounter.HELD_OUT,
            "held_out",
            JourneyCounter.GOAL,
            "goal",
            JourneyCounter.GOAL_HELD_OUT,
            "goal_held_out",
            JourneyCounter.EXITED,
            "exited",
            JourneyCounter.refused(EntryDecision.NOT_IN_AUDIENCE),
            "refused_not_in_audience",
            JourneyCounter.step("send-offer", "sent"),
            "step:send-offer:sent",
            JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.timed_out),
            "wait:await-visit:timed_out",
            JourneyCounter.split("ab", "b"),
            "split:ab:b");
    names.forEach(
        (counter, name) -> {
          assertThat(counter.name()).isEqualTo(name);
          assertThat(JourneyCounter.parse(name)).contains(counter);
        });
    assertThat(JourneyCounter.branch("route", 0).name()).isEqualTo("branch:route:1");
    assertThat(JourneyCounter.branch("route", -1).name()).isEqualTo("branch:route:default");
    assertThat(JourneyCounter.parse("branch:route:default"))
        .contains(JourneyCounter.branch("route", -1));
  }

  @Test
  void aStepIdMayContainColons() {
    JourneyCounter counter = JourneyCounter.step("a:b", "capped");
    assertThat(JourneyCounter.parse(counter.name())).contains(counter);
  }

  @Test
  void namesNoVersionWroteAreNotCounters() {
    for (String name :
        List.of(
            "", "refused_", "step:", "step:x", "step:x:", "wait::registered", "split:ab", "x")) {
      assertThat(JourneyCounter.parse(name)).as(name).isEmpty();
    }
  }

  @Test
  void statsCountWaitingRunsRefusalsAndConversion() {
    JourneyStats.VersionStats stats =
        JourneyStats.of(
            "v1",
            Map.of(
                JourneyCounter.ENTERED,
                4L,
                JourneyCounter.HELD_OUT,
                2L,
                JourneyCounter.GOAL,
                1L,
                JourneyCounter.GOAL_HELD_OUT,
                1L,
                JourneyCounter.refused(EntryDecision.LOCKED),
                3L,
                JourneyCounter.wait("w", JourneyCounter.WaitOutcome.registered),
                5L,
                JourneyCounter.wait("w", JourneyCounter.WaitOutcome.performed),
                1L,
                JourneyCounter.wait("w", JourneyCounter.WaitOutcome.timed_out),
                1L,
                JourneyCounter.step("s", "sent"),
                2L));
    assertThat(stats.waiting()).isEqualTo(3);
    assertThat(stats.conversionRate()).isEqualTo(0.25);
    assertThat(stats.holdoutConversionRate()).isEqualTo(0.5);
    assertThat(stats.exited()).isZero();
    assertThat(stats.refused()).containsExactly(Map.entry("locked", 3L));
    assertThat(stats.steps().keySet())
        .containsExactly(
            "step:s:sent", "wait:w:performed", "wait:w:registered", "wait:w:timed_out");
  }

  @Test
  void statsCountRunsPerSplitVariantAndBranchWay() {
    JourneyStats.VersionStats stats =
        JourneyStats.of(
            "1",
            Map.of(
                JourneyCounter.split("ab", "a"),
                3L,
                JourneyCounter.split("ab", "b"),
                5L,
                JourneyCounter.split("again", "x"),
                1L,
                JourneyCounter.step("s", "sent"),
                2L,
                JourneyCounter.branch("route", 1),
                4L,
                JourneyCounter.branch("route", -1),
                6L));
    assertThat(stats.branches())
        .containsExactly(Map.entry("route", Map.of("2", 4L, "default", 6L)));
    assertThat(stats.splits())
        .containsExactly(
            Map.entry("ab", Map.of("a", 3L, "b", 5L)), Map.entry("again", Map.of("x", 1L)));
    assertThat(stats.steps()).containsOnlyKeys("step:s:sent");
  }

  @Test
  void ratesAreAbsentWhenNobodyEntered() {
    JourneyStats.VersionStats stats = JourneyStats.of("v1", Map.of());
    assertThat(stats.conversionRate()).isNull();
    assertThat(stats.holdoutConversionRate()).isNull();
  }
}
