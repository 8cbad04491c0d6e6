package dev.waymark.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentCallsTest {
  static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void nullsAtTheTopLevelAreAbsentButNullTraitsStay() {
    JsonNode batch =
        SegmentCalls.batch(
            Json.parse(
                "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"m\",\"userId\":\"u\","
                    + "\"anonymousId\":null,\"category\":null,\"traits\":{\"plan\":null}}],"
                    + "\"context\":null,\"writeKey\":\"wk_secret\"}"),
            RECEIVED);
    JsonNode event = batch.get("batch").get(0);
    assertThat(event.has("anonymousId")).isFalse();
    assertThat(event.has("category")).isFalse();
    assertThat(event.get("traits").get("plan").isNull()).isTrue();
    assertThat(batch.has("context")).isFalse();
    assertThat(batch.has("writeKey")).as("no key is stored").isFalse();
  }

  @Test
  void originalTimestampIsCorrectedByTheClientsClockSkew() {
    // the client's clock is 1 h ahead: it stamped 10:59:50 and sent at 11:00:00; received 10:00
    JsonNode batch =
        SegmentCalls.batch(
            Json.parse(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\","
                    + "\"originalTimestamp\":\"2026-11-24T10:59:50Z\"},"
                    + "{\"type\":\"page\",\"messageId\":\"n\",\"userId\":\"u\","
                    + "\"originalTimestamp\":\"2026-11-24T10:59:40Z\",\"sentAt\":\"2026-11-24T10:59:41Z\"},"
                    + "{\"type\":\"page\",\"messageId\":\"o\",\"userId\":\"u\","
                    + "\"timestamp\":\"2026-11-24T09:00:00Z\",\"originalTimestamp\":\"2026-11-24T10:59:40Z\"}],"
                    + "\"sentAt\":\"2026-11-24T11:00:00Z\"}"),
            RECEIVED);
    assertThat(batch.at("/batch/0/timestamp").asText()).isEqualTo("2026-11-24T09:59:50Z");
    assertThat(batch.at("/batch/1/timestamp").asText())
        .as("the event's own sentAt")
        .isEqualTo("2026-11-24T09:59:59Z");
    assertThat(batch.at("/batch/2/timestamp").asText())
        .as("timestamp wins")
        .isEqualTo("2026-11-24T09:00:00Z");
  }

  @Test
  void withoutSentAtTheOriginalTimestampIsTakenAsItIs() {
    JsonNode batch =
        SegmentCalls.batch(
            Json.parse(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\","
                    + "\"originalTimestamp\":\"2026-11-24T08:00:00Z\"}]}"),
            RECEIVED);
    assertThat(batch.at("/batch/0/timestamp").asText()).isEqualTo("2026-11-24T08:00:00Z");
  }

  @Test
  void aSingleCallBecomesABatchOfOneTypedByItsRoute() {
    JsonNode batch =
        SegmentCalls.single(
            Json.parse("{\"messageId\":\"m\",\"userId\":\"u\",\"groupId\":\"g\"}"),
            EventType.GROUP,
            RECEIVED);
    assertThat(batch.at("/batch/0/type").asText()).isEqualTo("group");
    assertThatThrownBy(
            () ->
                SegmentCalls.single(
                    Json.parse("{\"type\":\"track\",\"messageId\":\"m\"}"),
                    EventType.IDENTIFY,
                    RECEIVED))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).problem().errors().get(0).field())
                    .isEqualTo("/type"));
    assertThat(SegmentCalls.singleField("/batch/0/userId")).isEqualTo("/userId");
    assertThat(SegmentCalls.singleField("/batch/0")).isEmpty();
  }

  @Test
  void aGroupCallSetsAccountTraitsNotPersonTraits() {
    InboundEvent group =
        new InboundEvent(
            Json.parseObject(
                "{\"type\":\"group\",\"messageId\":\"m\",\"userId\":\"u\",\"groupId\":\"acme\","
                    + "\"traits\":{\"name\":\"Acme\",\"plan\":\"enterprise\"}}"),
            RECEIVED);
    assertThat(group.traits().isEmpty()).isTrue();
    assertThat(group.groupId()).isEqualTo("acme");
    assertThat(group.accountTraits().path("plan").asText()).isEqualTo("enterprise");
    assertThat(group.accountTraits().path("name").asText()).isEqualTo("Acme");
    assertThat(group.eventName()).isEqualTo("Group");
  }
}
