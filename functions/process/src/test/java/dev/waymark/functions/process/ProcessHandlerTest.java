package dev.waymark.functions.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.profile.Profile;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stream handler against DynamoDB Local, fed DynamoDB stream events as Lambda delivers them.
 */
class ProcessHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices services;
  ProcessHandler handler;

  @BeforeEach
  void freshTable() {
    String table = SharedDynamoDbLocal.newWaymarkTable();
    services =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.fixed(NOW, ZoneOffset.UTC));
    handler =
        new ProcessHandler(
            new EventProcessing(services.profiles(), services.segments().listeners(), 8),
            services.deadLetters(),
            Telemetry.quiet());
  }

  static String payload(String messageId, String anonymousId) {
    return new InboundEvent(
            Json.parseObject(
                """
        {"type":"track","event":"Viewed","messageId":"%s","anonymousId":"%s"}"""
                    .formatted(messageId, anonymousId)),
            NOW)
        .toStoredJson();
  }

  static DynamodbStreamRecord record(String eventName, String sequence, String sk, String payload) {
    StreamRecord data =
        new StreamRecord()
            .withSequenceNumber(sequence)
            .withKeys(
                Map.of(
                    "PK",
                    new AttributeValue().withS("EV#" + sequence),
                    "SK",
                    new AttributeValue().withS(sk)))
            .withNewImage(
                Map.of(
                    "PK", new AttributeValue().withS("EV#" + sequence),
                    "SK", new AttributeValue().withS(sk),
                    "payload", new AttributeValue().withS(payload)));
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setEventSource("aws:dynamodb");
    record.setDynamodb(data);
    return record;
  }

  static DynamodbStreamRecord inboxInsert(String sequence, String payload) {
    return record("INSERT", sequence, "EVENT", payload);
  }

  static DynamodbEvent batch(DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return event;
  }

  List<String> failures(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream()
        .map(BatchItemFailure::getItemIdentifier)
        .toList();
  }

  List<String> recordedMessageIds(String anonymousId) {
    return services
        .profiles()
        .lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, anonymousId))
        .map(
            p ->
                services.records().timeline(p.id(), 100, null).items().stream()
                    .map(e -> e.path("messageId").asText())
                    .toList())
        .orElse(List.of());
  }

  @Test
  void aBrokenRecordIsReportedSoTheBatchResumesFromIt() {
    DynamodbEvent event =
        batch(
            inboxInsert("100", payload("m1", "a1")),
            inboxInsert("200", "{\"type\":\"track\",\"messageId\":"),
            inboxInsert("300", payload("m3", "a3")));

    StreamsEventResponse response = handler.handleRequest(event, null);

    assertThat(failures(response)).containsExactly("200");
    assertThat(recordedMessageIds("a1")).containsExactly("m1");

    StreamsEventResponse retried =
        handler.handleRequest(batch(event.getRecords().get(1), event.getRecords().get(2)), null);
    assertThat(failures(retried))
        .as("the broken record fails again on retry")
        .containsExactly("200");
    assertThat(recordedMessageIds("a3"))
        .as("a record after the failure is recorded once, however often retried")
        .containsExactly("m3");
  }

  @Test
  void theEarliestOfSeveralFailuresIsReported() {
    StreamsEventResponse response =
        handler.handleRequest(
            batch(
                inboxInsert("100", payload("m1", "a1")),
                inboxInsert("200", "not json"),
                inboxInsert("300", "{}")),
            null);
    assertThat(failures(response)).containsExactly("200");
  }

  @Test
  void recordsThatAreNotInboxInsertsAreIgnored() {
    String broken = "{broken";
    StreamsEventResponse response =
        handler.handleRequest(
            batch(
                record("MODIFY", "100", "EVENT", broken),
                record("REMOVE", "200", "EVENT", broken),
                record("INSERT", "300", "PROFILE", broken),
                record("INSERT", "400", "E#2026-11-24T10:00:00Z#m", broken),
                inboxInsert("500", payload("m5", "a5"))),
            null);

    assertThat(failures(response)).isEmpty();
    assertThat(recordedMessageIds("a5")).containsExactly("m5");
  }

  @Test
  void anInboxInsertWithoutPayloadIsIgnored() {
    DynamodbStreamRecord scrubbed = inboxInsert("100", payload("m1", "a1"));
    scrubbed
        .getDynamodb()
        .setNewImage(
            Map.of(
                "PK",
                new AttributeValue().withS("EV#m1"),
                "SK",
                new AttributeValue().withS("EVENT")));
    assertThat(failures(handler.handleRequest(batch(scrubbed), null))).isEmpty();
    assertThat(recordedMessageIds("a1")).isEmpty();
  }

  @Test
  void replayingABatchDoesNotDuplicateEvents() {
    DynamodbEvent event =
        batch(
            inboxInsert("100", payload("m1", "same")),
            inboxInsert("200", payload("m2", "same")),
            inboxInsert("300", payload("m3", "other")));

    assertThat(failures(handler.handleRequest(event, null))).isEmpty();
    assertThat(failures(handler.handleRequest(event, null))).isEmpty();

    assertThat(recordedMessageIds("same")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(recordedMessageIds("other")).containsExactly("m3");
  }

  @Test
  void aBatchAboutOneNewPersonLandsOnOneProfile() {
    DynamodbStreamRecord[] records = new DynamodbStreamRecord[6];
    for (int i = 0; i < records.length; i++) {
      records[i] = inboxInsert(Integer.toString(100 * (i + 1)), payload("m" + i, "newcomer"));
    }
    assertThat(failures(handler.handleRequest(batch(records), null))).isEmpty();

    Profile profile =
        services
            .profiles()
            .lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "newcomer"))
            .orElseThrow();
    assertThat(profile.mergedFrom()).isEmpty();
    assertThat(recordedMessageIds("newcomer"))
        .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
  }
}
