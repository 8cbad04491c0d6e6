package dev.waymark.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.json.Json;
import java.time.Instant;

/**
 * One execution history event, shaped like GetExecutionHistory's events: {@code type}, {@code id},
 * {@code previousEventId}, {@code timestamp} and an optional details object under {@code detailsKey}
 * (e.g. {@code stateEnteredEventDetails}).
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsKey,
                           ObjectNode details) {

    /** The AWS JSON form of the event (timestamp as epoch seconds with fraction, like the SDK's JSON). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("previousEventId", previousEventId);
        o.put("timestamp", timestamp.toString());
        o.put("type", type);
        if (detailsKey != null) {
            o.set(detailsKey, details);
        }
        return o;
    }
}
