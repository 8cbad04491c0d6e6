package dev.waymark.functions.audienceschedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly audience-schedule run through the handler: the shipped schedule
 * payment-reminder-weekly (Mondays 09:00, recipient's time zone, segment payment-overdue).
 */
class AudienceScheduleHandlerTest {
  static final Instant MONDAY_8AM = Instant.parse("2026-11-30T08:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  String table;
  WaymarkServices core;
  AudienceScheduleHandler handler;

  @BeforeEach
  void freshTable() {
    table = SharedDynamoDbLocal.newWaymarkTable();
    core =
        new WaymarkServices(
            dynamo, WaymarkConfig.local(table), Clock.fixed(MONDAY_8AM, ZoneOffset.UTC));
    handler = new AudienceScheduleHandler(core, Telemetry.quiet());
  }

  void overdue(String userId, String timezone) {
    payment(userId, timezone, "overdue");
  }

  void payment(String userId, String timezone, String status) {
    new EventProcessing(core.profiles(), core.segments().listeners(), 1)
        .process(
            new InboundEvent(
                Json.parseObject(
                    """
                    {"type":"identify","messageId":"id-%s-%s","userId":"%s",
                     "traits":{"email":"%s@example.com","paymentStatus":"%s","timezone":"%s"}}"""
                        .formatted(userId, status, userId, userId, status, timezone)),
                MONDAY_8AM));
  }

  long inboxItems() {
    return dynamo.scan(r -> r.tableName(table)).items().stream()
        .filter(i -> Keys.INBOX_SK.equals(Attr.string(i, Keys.SK)))
        .filter(i -> "scheduler".equals(Attr.string(i, "source")))
        .count();
  }

  @Test
  void membersWhoseLocalTimeIsTheSchedulesHourAreAskedToEnterOnce() {
    overdue("sarah", "UTC");
    overdue("pierre", "Europe/Paris");
    Map<String, Object> at9Utc =
        handler.handleRequest(Map.of("scheduledTime", "2026-11-30T09:00:00Z"), null);
    assertThat(at9Utc).containsEntry("requested", 1);
    Map<String, Object> at8Utc =
        handler.handleRequest(Map.of("scheduledTime", "2026-11-30T08:00:00Z"), null);
    assertThat(at8Utc).containsEntry("requested", 1);
    assertThat(inboxItems()).isEqualTo(2);
    // a retry of the same occurrence asks again, and the inbox keeps each request once
    handler.handleRequest(Map.of("scheduledTime", "2026-11-30T09:00:00Z"), null);
    assertThat(inboxItems()).isEqualTo(2);
  }

  @Test
  void whoLeftTheSegmentBeforeTheirHourIsNotAsked() {
    overdue("sarah", "UTC");
    overdue("pierre", "Europe/Paris");
    // the window's opening run (08:00 UTC, 09:00 in Paris) files both and asks Pierre
    assertThat(handler.handleRequest(Map.of("scheduledTime", "2026-11-30T08:00:00Z"), null))
        .containsEntry("requested", 1);
    payment("sarah", "UTC", "paid");
    assertThat(handler.handleRequest(Map.of("scheduledTime", "2026-11-30T09:00:00Z"), null))
        .containsEntry("requested", 0);
    assertThat(inboxItems()).isEqualTo(1);
  }

  @Test
  void anHourNoScheduleHasRequestsNothing() {
    overdue("sarah", "UTC");
    assertThat(handler.handleRequest(Map.of("scheduledTime", "2026-12-01T09:00:00Z"), null))
        .containsEntry("requested", 0);
  }
}
