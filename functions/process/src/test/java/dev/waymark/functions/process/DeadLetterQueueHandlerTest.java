package dev.waymark.functions.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.deadletter.StreamFailureDescriptions;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.deadletter.DeadLetter;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The consumer of ProcessFunction's dead-letter queue against DynamoDB Local and its stream: a
 * message shaped as the event source mapping sends it (only DDBStreamBatchInfo, no records) sets
 * the batch's first event aside, and the others only if a failed attempt of theirs was noted.
 */
class DeadLetterQueueHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  final DynamoDbStreamsClient streams = SharedDynamoDbLocal.streamsClient();
  final String table = SharedDynamoDbLocal.newWaymarkTable();
  final WaymarkServices services =
      new WaymarkServices(
          SharedDynamoDbLocal.client(),
          WaymarkConfig.local(table),
          Clock.fixed(NOW, ZoneOffset.UTC));
  final DeadLetterQueueHandler handler =
      new DeadLetterQueueHandler(
          services.deadLetters(), new StreamFailureDescriptions(streams), Telemetry.quiet());

  static InboundEvent event(String messageId) {
    return new InboundEvent(
        Json.parseObject(
            """
            {"type":"track","event":"Viewed","messageId":"%s","anonymousId":"dlq-anon",
             "timestamp":"2026-11-24T09:00:00Z"}"""
                .formatted(messageId)),
        NOW);
  }

  @Test
  void theDescribedBatchBecomesDeadLettersOnTheTimeline() {
    String profileId = services.profiles().process(event("q-first")).profileId();
    services.inbox().accept(event("q-failed"), "test");
    services.inbox().accept(event("q-after"), "test");
    services.deadLetters().attemptFailed("q-failed", "the table throttled the request");
    Map<String, Located> located = locate("q-failed", "q-after");
    String body =
        Json.write(
            Map.of(
                "requestContext", Map.of("condition", "RetryAttemptsExhausted"),
                "DDBStreamBatchInfo",
                    Map.of(
                        "streamArn", located.get("q-failed").streamArn(),
                        "shardId", located.get("q-failed").shardId(),
                        "startSequenceNumber", located.get("q-failed").sequence(),
                        "endSequenceNumber", located.get("q-after").sequence(),
                        "batchSize", 2)));

    SQSBatchResponse response = handler.handleRequest(sqs(body, "m-1"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    List<DeadLetter> letters = services.deadLetters().list(10, null).items();
    assertThat(letters).extracting(DeadLetter::messageId).containsExactly("q-failed");
    assertThat(letters.get(0).reason()).isEqualTo("the table throttled the request");
    assertThat(letters.get(0).status()).isEqualTo(DeadLetter.Status.FAILED);
    assertThat(
            services.records().timeline(profileId, 10, null).items().stream()
                .map(e -> e.path("messageId").asText() + " " + e.path("status").asText())
                .toList())
        .containsExactlyInAnyOrder(
            "q-first processed", "q-failed failed to process: the table throttled the request");
  }

  @Test
  void aMessageThatDescribesNoBatchStaysInTheQueue() {
    SQSBatchResponse response =
        handler.handleRequest(sqs("{\"not\":\"a description\"}", "m-2"), null);

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("m-2");
    assertThat(services.deadLetters().list(10, null).items()).isEmpty();
  }

  static SQSEvent sqs(String body, String id) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(id);
    message.setBody(body);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  record Located(String streamArn, String shardId, String sequence) {}

  /** Where the inbox inserts of these messageIds are on the table's stream. */
  Map<String, Located> locate(String... messageIds) {
    String arn =
        SharedDynamoDbLocal.client()
            .describeTable(r -> r.tableName(table))
            .table()
            .latestStreamArn();
    Map<String, Located> found = new HashMap<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
      String iterator =
          streams
              .getShardIterator(
                  r ->
                      r.streamArn(arn)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      for (Record record : streams.getRecords(r -> r.shardIterator(iterator)).records()) {
        String pk = record.dynamodb().keys().get("PK").s();
        boolean inboxEvent = "EVENT".equals(record.dynamodb().keys().get("SK").s());
        for (String messageId : messageIds) {
          if (inboxEvent
              && pk.equals("EV#" + messageId)
              && "INSERT".equals(record.eventNameAsString())) {
            found.put(
                messageId, new Located(arn, shard.shardId(), record.dynamodb().sequenceNumber()));
          }
        }
      }
    }
    assertThat(found).containsOnlyKeys(messageIds);
    return found;
  }
}
