package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The local clock stands at START (in the past of the wall clock) while a client stamps real time:
 * an event time ahead of the clock arrives at the clock's now; one more than a day ahead of real
 * time is still refused.
 */
class LocalClockArrivalTest extends LocalRuntimeFixture {

  @Test
  void aFixedStartStandsStill() {
    LocalApi.Answer clock = api.get("/_local/clock");
    assertThat(clock.body().path("followsRealTime").asBoolean()).isFalse();
    assertThat(clock.body().path("now").asText()).isEqualTo(runtime.clock().instant().toString());
  }

  @Test
  void anEventStampedWithRealTimeArrivesAtTheClocksNow() {
    Instant now = runtime.clock().instant();
    String realTime = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    LocalApi.Answer answer =
        api.sendEvents(
            "{\"batch\":[{\"type\":\"track\",\"event\":\"Quote Requested\",\"messageId\":\"arrive-1\","
                + "\"userId\":\"arrival\",\"timestamp\":\""
                + realTime
                + "\"},{\"type\":\"track\",\"event\":\"Brochure Read\",\"messageId\":\"arrive-2\","
                + "\"userId\":\"arrival\",\"timestamp\":\"2026-11-23T08:00:00Z\"}]}");
    assertThat(answer.status()).isEqualTo(202);
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=arrival").body().path("profileId").asText();
    var events = api.get("/v1/profiles/" + id + "/events").body().path("events");
    assertThat(events.get(0).path("messageId").asText()).isEqualTo("arrive-1");
    assertThat(events.get(0).path("timestamp").asText())
        .as("ahead of the clock: at its now")
        .isEqualTo(now.toString());
    assertThat(events.get(1).path("timestamp").asText())
        .as("in the clock's past: as sent")
        .isEqualTo("2026-11-23T08:00:00Z");
  }

  @Test
  void moreThanADayAheadOfRealTimeIsStillRefused() {
    String farAhead = Instant.now().plus(3, ChronoUnit.DAYS).toString();
    LocalApi.Answer answer =
        api.sendEvents(
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"arrive-3\",\"userId\":\"arrival\","
                + "\"timestamp\":\""
                + farAhead
                + "\"}]}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").get(0).path("field").asText())
        .isEqualTo("/batch/0/timestamp");
  }
}
