package dev.waymark.functions.datetrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The hourly date triggers through the handler, on date markers in DynamoDB Local. */
class DateTriggerHandlerTest {
  static final Instant SCHEDULED = Instant.parse("2026-11-24T00:05:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-24");
  static final List<DateTrigger> TRIGGERS =
      List.of(
          new DateTrigger("leaseEnd", -90, false),
          new DateTrigger("warrantyEnd", -30, false),
          new DateTrigger("birthday", 0, true));
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices core;
  DateTriggerHandler handler;

  @BeforeEach
  void freshTable() {
    core =
        new WaymarkServices(
            dynamo,
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(SCHEDULED.plusSeconds(600), ZoneOffset.UTC));
    handler = new DateTriggerHandler(core, () -> TRIGGERS, ZoneOffset.UTC, Telemetry.quiet());
  }

  void identify(String userId, String traits) {
    new EventProcessing(core.profiles(), core.segments().listeners(), 1)
        .process(
            new InboundEvent(
                Json.parseObject(
                    """
                    {"type":"identify","messageId":"id-%s-%s","userId":"%s","traits":%s}"""
                        .formatted(userId, traits.hashCode(), userId, traits)),
                SCHEDULED.minusSeconds(3600)));
  }

  Map<String, Object> run(Instant at) {
    return handler.handleRequest(Map.of("scheduledTime", at.toString()), null);
  }

  @Test
  void emitsOneEventPerPersonWhoseLocalDayItIsAndNothingNewWhenRerun() {
    identify("sarah", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\"}");
    identify("tom", "{\"leaseEnd\":\"" + TODAY.plusDays(91) + "\"}");
    identify("ann", "{\"warrantyEnd\":\"" + TODAY.plusDays(30) + "T12:00:00Z\"}");
    identify("born", "{\"birthday\":\"1992-11-24\"}");
    // at 00:05 UTC it is 09:05 on the 24th in Tokyo: Kenji's day; still the 23rd in New York
    identify("kenji", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\",\"timezone\":\"Asia/Tokyo\"}");
    identify(
        "maria", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\",\"timezone\":\"America/New_York\"}");
    identify("yuki", "{\"leaseEnd\":\"" + TODAY.plusDays(91) + "\",\"timezone\":\"Asia/Tokyo\"}");
    assertThat(run(SCHEDULED))
        .containsEntry("triggers", 3)
        .containsEntry("found", 4)
        .containsEntry("emitted", 4)
        .containsEntry("alreadyEmitted", 0)
        .containsEntry("stale", 0);
    assertThat(event("sarah", "leaseEnd", TODAY.plusDays(90), "-P90D")).isPresent();
    assertThat(event("kenji", "leaseEnd", TODAY.plusDays(90), "-P90D")).isPresent();
    assertThat(event("ann", "warrantyEnd", TODAY.plusDays(30), "-P30D"))
        .hasValueSatisfying(
            e -> assertThat(e.path("properties").path("daysLeft").asInt()).isEqualTo(30));
    assertThat(event("born", "birthday", TODAY, "P0D:yearly"))
        .hasValueSatisfying(
            e -> assertThat(e.path("properties").path("yearly").asBoolean()).isTrue());
    assertThat(event("maria", "leaseEnd", TODAY.plusDays(90), "-P90D")).isEmpty();
    assertThat(run(SCHEDULED)).containsEntry("emitted", 0).containsEntry("alreadyEmitted", 4);
    // at 05:05 UTC it is 00:05 in New York: Maria's day has begun
    assertThat(run(SCHEDULED.plusSeconds(5 * 3600))).containsEntry("emitted", 1);
    assertThat(event("maria", "leaseEnd", TODAY.plusDays(90), "-P90D")).isPresent();
    // after that run, the next work is Yuki's day beginning in Tokyo (15:00 UTC), before Tom's
    assertThat(handler.triggers().nextRun(SCHEDULED.plusSeconds(6 * 3600)))
        .contains(Instant.parse("2026-11-24T15:00:00Z"));
    assertThat(run(Instant.parse("2026-11-24T15:05:00Z"))).containsEntry("emitted", 1);
    assertThat(event("yuki", "leaseEnd", TODAY.plusDays(91), "-P90D")).isPresent();
    assertThat(event("tom", "leaseEnd", TODAY.plusDays(91), "-P90D")).isEmpty();
  }

  @Test
  void aTwentyNinthOfFebruaryBirthdayIsKeptOnTheTwentyEighthInOtherYears() {
    identify("leap", "{\"birthday\":\"1996-02-29\"}");
    assertThat(run(Instant.parse("2027-02-28T00:05:00Z"))).containsEntry("emitted", 1);
    assertThat(event("leap", "birthday", LocalDate.parse("2027-02-28"), "P0D:yearly")).isPresent();
    assertThat(run(Instant.parse("2028-02-28T00:05:00Z"))).containsEntry("emitted", 0);
    assertThat(run(Instant.parse("2028-02-29T00:05:00Z"))).containsEntry("emitted", 1);
    assertThat(event("leap", "birthday", LocalDate.parse("2028-02-29"), "P0D:yearly")).isPresent();
  }

  @Test
  void aMovedOrRemovedDateIsStaleAndAMarkerFollowsTheTrait() {
    identify("moved", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\"}");
    identify("moved", "{\"leaseEnd\":\"" + TODAY.plusDays(120) + "\"}");
    identify("gone", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\"}");
    identify("gone", "{\"leaseEnd\":null}");
    assertThat(run(SCHEDULED)).containsEntry("found", 0).containsEntry("emitted", 0);
    assertThat(run(SCHEDULED.plus(java.time.Duration.ofDays(30))))
        .containsEntry("found", 1)
        .containsEntry("emitted", 1);
    assertThat(event("moved", "leaseEnd", TODAY.plusDays(120), "-P90D")).isPresent();
    assertThat(event("moved", "leaseEnd", TODAY.plusDays(90), "-P90D")).isEmpty();
    assertThat(event("gone", "leaseEnd", TODAY.plusDays(90), "-P90D")).isEmpty();
  }

  @Test
  void aBackfillMarksTheDateTraitsOfProfilesWrittenWithoutMarkers() {
    identify("old", "{\"warrantyEnd\":\"" + TODAY.plusDays(30) + "\",\"firstName\":\"Olga\"}");
    String id =
        core.profiles().lookup(Identity.of(IdentityNamespace.USER_ID, "old")).orElseThrow().id();
    // as an older release left it: the profile, no marker
    core.segments().dateMarkers().mark(id, "warrantyEnd", null, "", SCHEDULED);
    assertThat(run(SCHEDULED)).containsEntry("found", 0);
    Map<String, Object> pass = handler.handleRequest(Map.of("backfill", true), null);
    assertThat(pass).containsEntry("profiles", 1).containsEntry("marked", 1);
    assertThat(pass.get("cursor")).isNull();
    assertThat(run(SCHEDULED)).containsEntry("found", 1).containsEntry("emitted", 1);
    assertThatThrownBy(() -> handler.handleRequest(Map.of("backfill", true, "cursor", 7), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void withoutAScheduledTimeItRunsAtTheClocksInstant() {
    identify("sarah", "{\"leaseEnd\":\"" + TODAY.plusDays(90) + "\"}");
    assertThat(handler.handleRequest(Map.of(), null))
        .containsEntry("at", SCHEDULED.plusSeconds(600).toString())
        .containsEntry("emitted", 1);
  }

  @Test
  void aScheduledTimeThatIsNotAnInstantIsRefused() {
    assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", "monday"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheduledTime");
  }

  /** The stored Date Trait Reached of a person, trait, date and offset (":yearly" added). */
  private Optional<JsonNode> event(String userId, String trait, LocalDate date, String offset) {
    String id =
        core.profiles().lookup(Identity.of(IdentityNamespace.USER_ID, userId)).orElseThrow().id();
    return core.inbox()
        .stored("date:" + id + ":" + trait + ":" + date + ":" + offset)
        .map(InboundEvent::body);
  }
}
