package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Append-only, thread-safe execution history. */
public final class HistoryLog {
  private final List<HistoryEvent> events = new ArrayList<>();
  private final Supplier<Instant> clock;
  private final boolean enabled;

  public HistoryLog(Supplier<Instant> clock, boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  public synchronized long add(String type, long previous, String detailsKey, ObjectNode details) {
    long id = events.size() + 1;
    if (enabled) {
      events.add(new HistoryEvent(id, previous, clock.get(), type, detailsKey, details));
    }
    return enabled ? id : previous;
  }

  public synchronized List<HistoryEvent> snapshot() {
    return List.copyOf(events);
  }

  public synchronized int size() {
    return events.size();
  }
}
