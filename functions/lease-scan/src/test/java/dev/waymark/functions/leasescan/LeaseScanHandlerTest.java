package dev.waymark.functions.leasescan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The daily lease scan through the handler, on date markers in DynamoDB Local. */
class LeaseScanHandlerTest {
  static final Instant SCHEDULED = Instant.parse("2026-11-24T06:00:00Z");
  static final LocalDate IN_90_DAYS = LocalDate.parse("2026-11-24").plusDays(90);
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices core;
  LeaseScanHandler handler;

  @BeforeEach
  void freshTable() {
    core =
        new WaymarkServices(
            dynamo,
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(SCHEDULED.plusSeconds(3600), ZoneOffset.UTC));
    handler = new LeaseScanHandler(core, Telemetry.quiet());
  }

  void lease(String userId, LocalDate end) {
    new EventProcessing(core.profiles(), core.segments().listeners(), 1)
        .process(
            new InboundEvent(
                Json.parseObject(
                    """
                    {"type":"identify","messageId":"id-%s","userId":"%s",
                     "traits":{"leaseEnd":"%s"}}"""
                        .formatted(userId, userId, end)),
                SCHEDULED));
  }

  @Test
  void emitsOneEventPerLeaseEndingIn90DaysAndNothingNewWhenRerun() {
    lease("sarah", IN_90_DAYS);
    lease("tom", IN_90_DAYS.plusDays(1));
    Map<String, Object> first =
        handler.handleRequest(Map.of("scheduledTime", SCHEDULED.toString()), null);
    assertThat(first)
        .containsEntry("leaseEnd", IN_90_DAYS.toString())
        .containsEntry("found", 1)
        .containsEntry("emitted", 1)
        .containsEntry("alreadyEmitted", 0)
        .containsEntry("stale", 0);
    Map<String, Object> rerun =
        handler.handleRequest(Map.of("scheduledTime", SCHEDULED.toString()), null);
    assertThat(rerun).containsEntry("emitted", 0).containsEntry("alreadyEmitted", 1);
  }

  @Test
  void withoutAScheduledTimeItScansTheClocksDay() {
    lease("sarah", IN_90_DAYS);
    assertThat(handler.handleRequest(Map.of(), null))
        .containsEntry("leaseEnd", IN_90_DAYS.toString())
        .containsEntry("emitted", 1);
  }

  @Test
  void aScheduledTimeThatIsNotAnInstantIsRefused() {
    assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", "monday"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheduledTime");
  }
}
