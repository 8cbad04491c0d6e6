package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A record the process function keeps failing on is retried, then set aside on the dead-letter
 * list, as the event source mapping sends it to the queue: it is not dropped silently, and the
 * events after it are still processed.
 */
class StreamFailureTest {
  @Test
  void aPoisonRecordGoesToTheDeadLetterListAndTheRestIsProcessed() throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(
            LocalRuntime.Options.defaults()
                .withPort(0)
                .startingAt(Instant.parse("2026-11-24T08:00:00Z")))) {
      runtime
          .dynamo()
          .putItem(
              r ->
                  r.tableName(LocalRuntime.TABLE)
                      .item(
                          Map.of(
                              "PK",
                              AttributeValue.fromS("EV#poison"),
                              "SK",
                              AttributeValue.fromS("EVENT"),
                              "payload",
                              AttributeValue.fromS("{not an event"),
                              "receivedAt",
                              AttributeValue.fromS("2026-11-24T08:00:00Z"))));
      LocalApi api = new LocalApi(runtime);
      api.sendEvents(
          "{\"batch\":[{\"type\":\"page\",\"messageId\":\"after-poison\",\"userId\":\"still-here\"}]}");
      runtime.awaitProcessed();

      assertThat(runtime.deadLetterCount()).isEqualTo(1);
      assertThat(api.get("/v1/profiles?userId=still-here").status()).isEqualTo(200);
    }
  }
}
