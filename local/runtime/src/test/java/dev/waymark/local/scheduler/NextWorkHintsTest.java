package dev.waymark.local.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An hourly schedule whose target tells when it next has work: the clock stops only at those hours,
 * the run of each fires with the clock standing at it, and the target's hint is asked once for each
 * instant the clock stops at plus once after each run (not again for the instant's pick).
 */
class NextWorkHintsTest {
  static final Instant START = Instant.parse("2026-11-24T00:30:00Z");
  static final String HANDLER = "dev.waymark.functions.datetrigger.DateTriggerHandler";

  @Test
  void eachHourWithWorkFiresAtItsInstantAndTheHintIsAskedOncePerInstantAndRun() {
    VirtualClock clock = new VirtualClock(START);
    TreeSet<Instant> work = new TreeSet<>();
    for (int hours : List.of(3, 7, 30)) {
      work.add(START.plus(Duration.ofHours(hours)).minus(Duration.ofMinutes(25))); // hh:05
    }
    List<String> runs = new ArrayList<>();
    AtomicInteger hints = new AtomicInteger();
    RequestHandler<Map<String, Object>, Object> target =
        (input, context) -> {
          Instant at = Instant.parse(String.valueOf(input.get("scheduledTime")));
          runs.add(at + " at " + clock.instant());
          work.remove(at);
          return null;
        };
    LocalScheduler scheduler =
        new LocalScheduler(
            clock,
            new ScheduleTargets(TemplateTable.findTemplate(), Map.of(HANDLER, target))
                .withQuietUntil(
                    HANDLER,
                    from -> {
                      hints.incrementAndGet();
                      return Optional.ofNullable(work.ceiling(from));
                    }));
    scheduler.create(
        null,
        "hourly",
        Json.parseObject(
            """
            {"ScheduleExpression":"cron(5 * * * ? *)","ScheduleExpressionTimezone":"UTC",
             "Target":{"Arn":"arn:aws:lambda:us-east-1:000000000000:function:DateTriggerFunction",
                       "Input":"{\\"scheduledTime\\":\\"<aws.scheduler.scheduled-time>\\"}"}}"""));
    clock.addDueSource(scheduler);

    clock.advance(Duration.ofDays(2));

    assertThat(runs)
        .containsExactly(
            "2026-11-24T03:05:00Z at 2026-11-24T03:05:00Z",
            "2026-11-24T07:05:00Z at 2026-11-24T07:05:00Z",
            "2026-11-25T06:05:00Z at 2026-11-25T06:05:00Z");
    assertThat(clock.instantsFired()).isEqualTo(3);
    // per instant: once to find it, once after its run; and once more to find nothing is left
    assertThat(hints.get()).isEqualTo(3 * 2 + 1);
  }
}
