package dev.waymark.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.json.Json;
import java.time.Instant;

/**
 * One execution history event. As in AWS, JSON payloads inside details ({@code input}, {@code
 * output}, {@code parameters}, assigned variable values) are JSON text.
 *
 * <p>One execution history event, shaped like GetExecutionHistory's events: {@code type}, {@code
 * id}, {@code previousEventId}, {@code timestamp} and an optional details object under {@code
 * detailsKey} (e.g. {@code stateEnteredEventDetails}).
 */
public record HistoryEvent(
    long id,
    long previousEventId,
    Instant timestamp,
    String type,
    String detailsKey,
    ObjectNode details) {

  /**
   * The GetExecutionHistory JSON form of the event (timestamp in epoch seconds, as the AWS JSON
   * protocol).
   */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("previousEventId", previousEventId);
    o.set("timestamp", Json.epochSeconds(timestamp));
    o.put("type", type);
    if (detailsKey != null) {
      o.set(detailsKey, details);
    }
    return o;
  }
}
