package dev.waymark.local.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * A year of the lease-renewal journey's date trigger (leaseEnd -P90D) through the local runtime:
 * the template's hourly schedule fires on the virtual clock, one day at a time; each person's Date
 * Trait Reached arrives at the first run of the day their lease is 90 days from ending (00:05 UTC
 * for people without a time zone), exactly once, and a rerun of a day emits nothing new.
 */
class DateTriggerYearTest {
  static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-24");
  static LocalRuntime runtime;
  static LocalApi api;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(START));
    api = new LocalApi(runtime);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void eachLeaseEventArrivesOnItsDayOnce() {
    Map<String, LocalDate> leaseEnds = new LinkedHashMap<>();
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 12; i++) {
      LocalDate leaseEnd = TODAY.plusDays(92 + 23L * i); // scan days 2, 25, ..., 255 from today
      leaseEnds.put("lease-" + i, leaseEnd);
      batch.append(i == 0 ? "" : ",").append(identify("lease-" + i, leaseEnd.toString()));
    }
    batch
        .append(",")
        .append(identify("lease-soon", TODAY.plusDays(30).toString())); // already within 90 days
    batch.append(",").append(identify("lease-moved", TODAY.plusDays(100).toString()));
    assertThat(api.sendEvents(batch + "]}").status()).isEqualTo(202);
    runtime.awaitProcessed();

    List<String> wrongDay = new ArrayList<>();
    for (int day = 1; day <= 260; day++) {
      runtime.advance(Duration.ofDays(1));
      LocalDate today = TODAY.plusDays(day);
      if (day == 5) { // lease-moved: a renewal moved the lease end before its scan day came
        api.sendEvents(
            "{\"batch\":["
                + identify("lease-moved", TODAY.plusDays(200).toString())
                    .replace("id-lease-moved", "id2-lease-moved")
                + "]}");
        runtime.awaitProcessed();
      }
      for (Map.Entry<String, LocalDate> lease : leaseEnds.entrySet()) {
        LocalDate scanDay = lease.getValue().minusDays(90);
        // on its scan day a lease has its one event; on the day before, none yet
        int expected = scanDay.equals(today) ? 1 : scanDay.equals(today.plusDays(1)) ? 0 : -1;
        if (expected >= 0 && leaseEvents(lease.getKey()).size() != expected) {
          wrongDay.add(lease.getKey() + " on " + today + ": " + leaseEvents(lease.getKey()).size());
        }
      }
    }
    assertThat(wrongDay).isEmpty();
    for (Map.Entry<String, LocalDate> lease : leaseEnds.entrySet()) {
      List<JsonNode> events = leaseEvents(lease.getKey());
      assertThat(events).as(lease.getKey()).hasSize(1);
      JsonNode event = events.get(0);
      assertThat(event.path("timestamp").asText())
          .as(lease.getKey())
          .isEqualTo(lease.getValue().minusDays(90) + "T00:05:00Z");
      assertThat(event.path("properties").path("date").asText())
          .isEqualTo(lease.getValue().toString());
      assertThat(event.path("messageId").asText())
          .startsWith("date:")
          .endsWith(":leaseEnd:" + lease.getValue() + ":-P90D");
    }
    // a rerun of a past day (a scheduler retry, or an operator) emits nothing new
    LocalDate rerunDay = leaseEnds.get("lease-3").minusDays(90);
    try (SchedulerClient scheduler = LocalSchedulerClients.client(runtime)) {
      scheduler.createSchedule(
          r ->
              r.name("rerun-date-trigger")
                  .scheduleExpression("at(2027-08-12T00:00:00)")
                  .flexibleTimeWindow(w -> w.mode("OFF"))
                  .actionAfterCompletion("DELETE")
                  .target(
                      t ->
                          t.arn(
                                  "arn:aws:lambda:us-east-1:000000000000:function:DateTriggerFunction")
                              .roleArn("arn:aws:iam::000000000000:role/local")
                              .input("{\"scheduledTime\":\"" + rerunDay + "T00:05:00Z\"}")));
      runtime.advance(Duration.ofDays(1));
      assertThat(scheduler.listSchedules(r -> r.namePrefix("rerun")).schedules())
          .isEmpty(); // fired, then deleted
    }
    assertThat(leaseEvents("lease-3")).hasSize(1);
    assertThat(leaseEvents("lease-soon")).isEmpty();
    List<JsonNode> moved = leaseEvents("lease-moved");
    assertThat(moved).hasSize(1);
    assertThat(moved.get(0).path("properties").path("date").asText())
        .isEqualTo(TODAY.plusDays(200).toString());
    assertThat(runtime.scheduler().scheduler().failures()).isEmpty();
    assertThat(runtime.deadLetterCount()).isZero();
  }

  static String identify(String userId, String leaseEnd) {
    return "{\"type\":\"identify\",\"messageId\":\"id-"
        + userId
        + "\",\"userId\":\""
        + userId
        + "\",\"traits\":{\"leaseEnd\":\""
        + leaseEnd
        + "\"}}";
  }

  static List<JsonNode> leaseEvents(String userId) {
    String id = api.get("/v1/profiles?userId=" + userId).body().path("profileId").asText();
    List<JsonNode> events = new ArrayList<>();
    api.get("/v1/profiles/" + id + "/events?limit=100")
        .body()
        .path("events")
        .forEach(
            e -> {
              if ("Date Trait Reached".equals(e.path("event").asText())
                  && "leaseEnd".equals(e.path("properties").path("trait").asText())) {
                events.add(e);
              }
            });
    return events;
  }
}
