package dev.waymark.aws.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.json.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads what a message of ProcessFunction's dead-letter queue describes. The event source mapping
 * sends no records, only where they are: {@code DDBStreamBatchInfo} with the stream, the shard and
 * the first and last sequence numbers of the batch it gave up on. The records are read back from
 * the stream (kept 24 hours) and the inbox inserts and replay requests among them named by
 * messageId, the first one (the record that failed) first.
 */
public record StreamFailureDescriptions(DynamoDbStreamsClient streams) {
  private static final int MAX_EMPTY_PAGES = 10;

  /**
   * The messageIds of the events in the described batch, in stream order. Throws if the body is not
   * such a description.
   */
  public List<String> messageIds(String messageBody) {
    JsonNode info = Json.parse(messageBody).path("DDBStreamBatchInfo");
    String streamArn = required(info, "streamArn");
    String shardId = required(info, "shardId");
    String start = required(info, "startSequenceNumber");
    BigInteger end = new BigInteger(required(info, "endSequenceNumber"));
    String iterator =
        streams
            .getShardIterator(
                r ->
                    r.streamArn(streamArn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(start))
            .shardIterator();
    List<String> messageIds = new ArrayList<>();
    int empty = 0;
    while (iterator != null && empty < MAX_EMPTY_PAGES) {
      String current = iterator;
      GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(100));
      empty = page.records().isEmpty() ? empty + 1 : 0;
      for (Record record : page.records()) {
        if (new BigInteger(record.dynamodb().sequenceNumber()).compareTo(end) > 0) {
          return messageIds;
        }
        messageIdOf(record).ifPresent(messageIds::add);
      }
      iterator = page.nextShardIterator();
    }
    return messageIds;
  }

  private static java.util.Optional<String> messageIdOf(Record record) {
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    if (!"INSERT".equals(record.eventNameAsString())
        || image == null
        || !image.containsKey(Keys.SK)) {
      return java.util.Optional.empty();
    }
    String sk = image.get(Keys.SK).s();
    return Keys.INBOX_SK.equals(sk) || sk.startsWith(Keys.REPLAY_PREFIX)
        ? java.util.Optional.of(Keys.messageIdOf(image.get(Keys.PK).s()))
        : java.util.Optional.empty();
  }

  private static String required(JsonNode info, String field) {
    JsonNode value = info.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(
          "not a stream failure description: DDBStreamBatchInfo." + field + " is missing");
    }
    return value.asText();
  }
}
