package dev.waymark.local.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming segment entry and exit, time-based exit, the segment API and the preview, through the
 * local runtime.
 */
class SegmentsEndToEndTest {
  static final Instant START = Instant.parse("2026-11-24T08:00:00Z"); // a Tuesday
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
  void sarahEntersTheEvAudienceThenTheRenewalAudienceAndLeavesWhenHerLeaseEnds() {
    api.sendEvents(
        """
        {"batch":[{"type":"page","messageId":"s-p1","anonymousId":"sarah-laptop","name":"E-V Model",
                   "properties":{"model":"E-V"},"timestamp":"2026-11-24T07:01:00Z"}]}""");
    runtime.awaitProcessed();
    String id = profileId("anonymousId=sarah-laptop");
    assertThat(membership(id, "interested-in-ev-model").path("member").asBoolean()).isTrue();
    assertThat(membership(id, "lease-ends-within-90-days").isMissingNode()).isTrue();
    assertThat(named(id, "Segment Entered"))
        .extracting(e -> e.path("properties").path("segmentId").asText())
        .containsExactly("interested-in-ev-model");

    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"s-i1","anonymousId":"sarah-laptop","userId":"crm-sarah",
                   "traits":{"email":"sarah@example.com","leaseEnd":"2027-01-10","timeZone":"Europe/Warsaw"},
                   "timestamp":"2026-11-24T07:05:00Z"}]}""");
    runtime.awaitProcessed();
    assertThat(membership(id, "lease-ends-within-90-days").path("member").asBoolean()).isTrue();
    assertThat(membership(id, "ev-prospects-lease-ending").path("member").asBoolean())
        .isTrue(); // via Segment Entered
    List<JsonNode> entered = named(id, "Segment Entered");
    assertThat(entered)
        .extracting(e -> e.path("properties").path("segmentId").asText())
        .containsExactlyInAnyOrder(
            "interested-in-ev-model", "lease-ends-within-90-days", "ev-prospects-lease-ending");
    // each announcement names her by the best identity she had then: anonymous at first, then her
    // userId
    assertThat(entered)
        .extracting(
            e ->
                e.path("properties").path("segmentId").asText()
                    + "/"
                    + e.path("userId").asText(e.path("anonymousId").asText()))
        .containsExactlyInAnyOrder(
            "interested-in-ev-model/sarah-laptop",
            "lease-ends-within-90-days/crm-sarah",
            "ev-prospects-lease-ending/crm-sarah");
    assertThat(entered)
        .allSatisfy(e -> assertThat(e.path("messageId").asText()).startsWith("seg:"));

    JsonNode segment = api.get("/v1/segments/lease-ends-within-90-days").body();
    assertThat(segment.path("size").asLong()).isEqualTo(1);
    assertThat(segment.path("sample")).extracting(JsonNode::asText).containsExactly(id);
    assertThat(segment.path("rule").path("withinNextDays").asInt()).isEqualTo(90);

    // the lease ends on 2027-01-10; she leaves when 2027-01-11 begins in Warsaw (2027-01-10T23:00Z)
    // (to an instant, not by a span from START: the methods share the runtime and its clock, and
    // JUnit does not promise to run this one first)
    runtime.advance(
        Duration.between(runtime.clock().instant(), Instant.parse("2027-01-10T22:30:00Z")));
    assertThat(membership(id, "lease-ends-within-90-days").path("member").asBoolean()).isTrue();
    runtime.advance(Duration.ofHours(1));
    JsonNode lease = membership(id, "lease-ends-within-90-days");
    assertThat(lease.path("member").asBoolean()).isFalse();
    assertThat(lease.path("exitedAt").asText()).startsWith("2027-01-10T23:");
    assertThat(lease.path("history"))
        .extracting(h -> h.path("change").asText())
        .containsExactly("entered", "exited");
    assertThat(membership(id, "ev-prospects-lease-ending").path("member").asBoolean()).isFalse();
    assertThat(named(id, "Segment Exited"))
        .extracting(e -> e.path("properties").path("segmentId").asText())
        .contains("lease-ends-within-90-days", "ev-prospects-lease-ending");
    assertThat(api.get("/v1/segments/lease-ends-within-90-days").body().path("size").asLong())
        .isZero();
    assertThat(runtime.deadLetterCount()).isZero();
  }

  @Test
  void aReplayedEventChangesNothing() {
    String event =
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"app-1\",\"userId\":\"app-user\","
            + "\"identities\":{\"pushToken\":\"tok-1\"}}]}";
    api.sendEvents(event);
    runtime.awaitProcessed();
    String id = profileId("userId=app-user");
    long size = api.get("/v1/segments/app-installed").body().path("size").asLong();
    // the same processing again (what a stream retry does) enters nobody twice
    runtime
        .services()
        .segments()
        .listeners()
        .forEach(
            l ->
                l.onProcessed(
                    new dev.waymark.core.profile.ProcessOutcome(
                        runtime.services().profiles().resolve(id).orElseThrow(), false, 0, false),
                    dev.waymark.core.event.InboundEvent.fromStoredJson(
                        "{\"type\":\"identify\",\"messageId\":\"app-1\",\"userId\":\"app-user\",\"identities\":{\"pushToken\":\"tok-1\"},"
                            + "\"receivedAt\":\"2026-11-24T08:00:00Z\"}")));
    runtime.awaitProcessed();
    assertThat(api.get("/v1/segments/app-installed").body().path("size").asLong()).isEqualTo(size);
    assertThat(named(id, "Segment Entered"))
        .filteredOn(e -> e.path("properties").path("segmentId").asText().equals("app-installed"))
        .hasSize(1);
    assertThat(membership(id, "app-installed").path("history")).hasSize(1);
  }

  @Test
  void erasureTakesThePersonOutOfEverySegmentIndexCounterAndDueCheck() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"er-seg-1\",\"userId\":\"erase-me\","
            + "\"identities\":{\"pushToken\":\"tok-erase\"}}]}");
    runtime.awaitProcessed();
    String id = profileId("userId=erase-me");
    long size = api.get("/v1/segments/app-installed").body().path("size").asLong();
    assertThat(membership(id, "app-installed").path("member").asBoolean()).isTrue();
    assertThat(api.delete("/v1/profiles/" + id).status()).isEqualTo(200);
    assertThat(api.get("/v1/segments/app-installed").body().path("size").asLong())
        .isEqualTo(size - 1);
    assertThat(api.get("/v1/segments/app-installed").body().path("sample"))
        .extracting(JsonNode::asText)
        .doesNotContain(id);
    // only the inbox's messageId markers (kept for de-duplication, payload removed) may still name
    // the id
    assertThat(
            runtime.dynamo().scanPaginator(r -> r.tableName(LocalRuntime.TABLE)).items().stream()
                .filter(i -> !i.get("PK").s().startsWith("EV#"))
                .filter(i -> (i.get("PK").s() + i.get("SK").s()).contains(id)))
        .isEmpty();
  }

  @Test
  void everyMondayAtNineInTheirTimeZoneOverduePayersEnterThePaymentReminderJourneyOnce() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"pay-1\",\"userId\":\"late-payer\","
            + "\"traits\":{\"email\":\"late@example.com\",\"paymentStatus\":\"overdue\",\"timeZone\":\"Europe/Warsaw\"}}]}");
    runtime.awaitProcessed();
    String id = profileId("userId=late-payer");
    assertThat(membership(id, "payment-overdue").path("member").asBoolean()).isTrue();
    java.time.ZonedDateTime now =
        runtime.clock().instant().atZone(java.time.ZoneId.of("Europe/Warsaw"));
    java.time.ZonedDateTime nextMonday =
        now.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY))
            .withHour(9)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);
    if (!nextMonday.isAfter(now.plusMinutes(1))) {
      nextMonday = nextMonday.plusWeeks(1);
    }
    runtime.advance(
        Duration.between(runtime.clock().instant(), nextMonday.toInstant().minusSeconds(60)));
    assertThat(named(id, "Audience Schedule Fired")).isEmpty(); // 08:59 in Warsaw
    runtime.advance(Duration.ofMinutes(30));
    List<JsonNode> fired = named(id, "Audience Schedule Fired");
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).path("properties").path("journeyId").asText())
        .isEqualTo("payment-overdue-weekly");
    assertThat(fired.get(0).path("properties").path("scheduleId").asText())
        .isEqualTo("payment-reminder-weekly");
    assertThat(fired.get(0).path("properties").path("entryKey").asText())
        .isEqualTo("payment-reminder-weekly:" + nextMonday.toLocalDate());
    // the schedule reaches a journey that exists: the person is in it
    assertThat(api.get("/v1/profiles/" + id + "/journeys").body().path("runs"))
        .extracting(r -> r.path("journeyId").asText())
        .containsExactly("payment-overdue-weekly");
    runtime.advance(Duration.ofDays(1));
    assertThat(named(id, "Audience Schedule Fired")).hasSize(1); // once per occurrence
  }

  @Test
  void aPayerWhoBecomesOverdueAfterTheMondayWindowOpenedStillEntersAtNineInTheirZone() {
    // The window of "Monday 09:00 somewhere" opens on Sunday 19:00 UTC (UTC+14); its opening run
    // reads the members it has then. Someone who joins later in the window is filed on joining.
    java.time.ZonedDateTime now = runtime.clock().instant().atZone(java.time.ZoneOffset.UTC);
    java.time.ZonedDateTime sundayLate =
        now.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
            .withHour(23)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);
    runtime.advance(Duration.between(now.toInstant(), sundayLate.toInstant()));
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"pay-late-1\",\"userId\":\"late-joiner\","
            + "\"traits\":{\"email\":\"late-joiner@example.com\",\"paymentStatus\":\"overdue\","
            + "\"timeZone\":\"Europe/Warsaw\"}}]}");
    runtime.awaitProcessed();
    String id = profileId("userId=late-joiner");
    assertThat(membership(id, "payment-overdue").path("member").asBoolean()).isTrue();
    java.time.ZonedDateTime nineInWarsaw =
        sundayLate
            .plusDays(1)
            .toLocalDate()
            .atTime(9, 0)
            .atZone(java.time.ZoneId.of("Europe/Warsaw"));
    runtime.advance(
        Duration.between(runtime.clock().instant(), nineInWarsaw.toInstant().minusSeconds(60)));
    assertThat(named(id, "Audience Schedule Fired")).isEmpty();
    runtime.advance(Duration.ofMinutes(30));
    List<JsonNode> fired = named(id, "Audience Schedule Fired");
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).path("properties").path("entryKey").asText())
        .isEqualTo("payment-reminder-weekly:" + nineInWarsaw.toLocalDate());
    assertThat(fired.get(0).path("timestamp").asText())
        .isEqualTo(nineInWarsaw.toInstant().toString());
  }

  @Test
  void segmentsAreListedWithTheirSizes() {
    JsonNode list = api.get("/v1/segments").body().path("segments");
    assertThat(list)
        .extracting(s -> s.path("id").asText())
        .contains(
            "interested-in-ev-model",
            "lease-ends-within-90-days",
            "app-installed",
            "payment-overdue",
            "inactive-60-days");
    assertThat(list).allSatisfy(s -> assertThat(s.has("size")).isTrue());
    assertThat(api.get("/v1/segments/no-such-segment").status()).isEqualTo(404);
  }

  @Test
  void aDraftIsPreviewedWithoutSavingAndAnInvalidOneIsRefusedNamingItsField() {
    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"pv-1","userId":"pv-gold","traits":{"tier":"gold"}},
                  {"type":"identify","messageId":"pv-2","userId":"pv-silver","traits":{"tier":"silver"}}]}""");
    runtime.awaitProcessed();
    LocalApi.Answer preview =
        api.post(
            "/v1/segments/preview",
            "{\"name\":\"Gold\",\"rule\":{\"trait\":\"tier\",\"equals\":\"gold\"}}");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().path("size").asLong()).isEqualTo(1);
    assertThat(preview.body().path("complete").asBoolean()).isTrue();
    assertThat(preview.body().path("sample"))
        .extracting(JsonNode::asText)
        .containsExactly(profileId("userId=pv-gold"));
    assertThat(api.get("/v1/segments/draft").status()).isEqualTo(404);

    LocalApi.Answer invalid =
        api.post(
            "/v1/segments/preview",
            "{\"rule\":{\"all\":[{\"trait\":\"tier\",\"withinNextDays\":\"soon\"},{\"inSegment\":\"nowhere\"}]}}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).isEqualTo("application/problem+json");
    assertThat(invalid.body().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactly("/rule/all/0/withinNextDays");
    LocalApi.Answer unknownSegment =
        api.post("/v1/segments/preview", "{\"rule\":{\"inSegment\":\"nowhere\"}}");
    assertThat(unknownSegment.status()).isEqualTo(400);
    assertThat(unknownSegment.body().path("errors").get(0).path("message").asText())
        .contains("nowhere");
  }

  static String profileId(String query) {
    return api.get("/v1/profiles?" + query).body().path("profileId").asText();
  }

  static JsonNode membership(String profileId, String segmentId) {
    for (JsonNode m : api.get("/v1/profiles/" + profileId + "/segments").body().path("segments")) {
      if (m.path("segmentId").asText().equals(segmentId)) {
        return m;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  static List<JsonNode> named(String profileId, String name) {
    List<JsonNode> found = new ArrayList<>();
    api.get("/v1/profiles/" + profileId + "/events?limit=100")
        .body()
        .path("events")
        .forEach(
            e -> {
              if (name.equals(e.path("event").asText())) {
                found.add(e);
              }
            });
    return found;
  }
}
