package dev.waymark.functions.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.message.Channel;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SES feedback through the handler, as SNS delivers it, into DynamoDB Local. */
class FeedbackHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  String table;
  JourneyServices journeys;
  FeedbackHandler handler;

  @BeforeEach
  void freshTable() {
    table = SharedDynamoDbLocal.newWaymarkTable();
    WaymarkServices core =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.fixed(NOW, ZoneOffset.UTC));
    journeys = new JourneyServices(core, JourneyConfig.from(Map.of()));
    handler = new FeedbackHandler(journeys.feedback(), Telemetry.quiet());
  }

  static String ses(String type, String messageId, String recipient, String detail) {
    return """
        {"eventType":"%s","mail":{"messageId":"%s","timestamp":"2026-11-24T09:00:00Z",
         "destination":["%s"],"tags":{"journeyId":["lease-renewal"],"ses:caller-identity":["x"]}},
         %s}"""
        .formatted(type, messageId, recipient, detail);
  }

  void deliver(String... messages) {
    SNSEvent event = new SNSEvent();
    event.setRecords(
        java.util.Arrays.stream(messages)
            .map(m -> new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS().withMessage(m)))
            .toList());
    handler.handleRequest(event, null);
  }

  @Test
  void aHardBounceAndAComplaintSuppressTheirAddresses() {
    deliver(
        ses(
            "Bounce",
            "m-1",
            "gone@example.com",
            "\"bounce\":{\"bounceType\":\"Permanent\",\"timestamp\":\"2026-11-24T09:01:00Z\"}"),
        ses(
            "Complaint",
            "m-2",
            "angry@example.com",
            "\"complaint\":{\"timestamp\":\"2026-11-24T09:02:00Z\"}"));
    assertThat(journeys.suppressions().suppressed(Channel.email, "gone@example.com")).isTrue();
    assertThat(journeys.suppressions().suppressed(Channel.email, "angry@example.com")).isTrue();
  }

  @Test
  void aSoftBounceSuppressesNothing() {
    deliver(
        ses(
            "Bounce",
            "m-3",
            "full@example.com",
            "\"bounce\":{\"bounceType\":\"Transient\",\"timestamp\":\"2026-11-24T09:01:00Z\"}"));
    assertThat(journeys.suppressions().suppressed(Channel.email, "full@example.com")).isFalse();
  }

  @Test
  void anOpenBecomesAnEventInTheInboxForTheAddressesPerson() {
    deliver(
        ses(
            "Open",
            "m-4",
            "sarah@example.com",
            "\"open\":{\"timestamp\":\"2026-11-24T09:05:00Z\"}"));
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> inboxItem =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Attr.key(Keys.inbox("feedback:m-4:open"), Keys.INBOX_SK)))
            .item();
    assertThat(inboxItem).isNotEmpty();
    assertThat(Attr.string(inboxItem, "source")).isEqualTo("feedback");
    assertThat(Attr.string(inboxItem, "payload"))
        .contains("Message Opened")
        .contains("sarah@example.com")
        .contains("lease-renewal")
        .doesNotContain("ses:caller-identity");
  }

  @Test
  void anOpenOfATestMessageIsNobodysEngagement() {
    deliver(
        ses(
                "Open",
                "m-5",
                "qa@carvelo.example",
                "\"open\":{\"timestamp\":\"2026-11-24T09:05:00Z\"}")
            .replace("\"journeyId\":[\"lease-renewal\"]", "\"test\":[\"true\"]"));
    assertThat(dynamo.scan(r -> r.tableName(table)).items()).isEmpty();
  }

  @Test
  void aNotificationThatIsNotAnSesEventIsIgnored() {
    deliver("{\"Type\":\"SubscriptionConfirmation\"}", "{\"eventType\":\"Rendering Failure\"}");
    assertThat(dynamo.scan(r -> r.tableName(table)).items()).isEmpty();
  }
}
