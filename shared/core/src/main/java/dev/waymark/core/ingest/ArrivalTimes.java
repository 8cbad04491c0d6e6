package dev.waymark.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.EventTimestamps;
import java.time.Clock;
import java.time.Instant;

/**
 * How event times relate to "now" at ingestion. In AWS, Waymark's clock is the wall clock: event
 * times may lie up to a day ahead of it and are kept as sent. The local runtime's clock can stand
 * still or run ahead while SDKs stamp wall-clock time: there, {@link #followingClient} accepts
 * times up to a day ahead of the later of the two clocks, and records a time ahead of the runtime's
 * clock at the runtime's now (the client's own time kept as {@code originalTimestamp}).
 */
public interface ArrivalTimes {
  /** The "now" the one-day-ahead rule counts from, given the receive time. */
  Instant latestNow(Instant receivedAt);

  /** Adjusts a validated event's {@code timestamp} in place, if needed. */
  void settle(ObjectNode event, Instant receivedAt);

  /** As sent: production. */
  ArrivalTimes AS_SENT =
      new ArrivalTimes() {
        @Override
        public Instant latestNow(Instant receivedAt) {
          return receivedAt;
        }

        @Override
        public void settle(ObjectNode event, Instant receivedAt) {}
      };

  /** Local runtime: times ahead of the (virtual) receive time arrive at it. */
  static ArrivalTimes followingClient(Clock wallClock) {
    return new ArrivalTimes() {
      @Override
      public Instant latestNow(Instant receivedAt) {
        Instant wall = wallClock.instant();
        return wall.isAfter(receivedAt) ? wall : receivedAt;
      }

      @Override
      public void settle(ObjectNode event, Instant receivedAt) {
        JsonNode sent = event.get("timestamp");
        if (sent == null || !EventTimestamps.parse(sent.asText()).isAfter(receivedAt)) {
          return;
        }
        if (!event.has("originalTimestamp")) {
          event.set("originalTimestamp", sent);
        }
        event.put("timestamp", receivedAt.toString());
      }
    };
  }
}
