package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compares history event types: in order, or as a multiset when Parallel/Map interleave events. */
final class HistoryCompare {
  private HistoryCompare() {}

  /**
   * Diagnostic (-Dconformance.details=true) for machines with Parallel/Map: every recorded event
   * must have an event of ours with the same type and matching details (order-insensitive).
   */
  static String compareConcurrentDetails(JsonNode c, List<dev.waymark.states.HistoryEvent> actual) {
    String def = Json.write(c.path("definition"));
    if (!Boolean.getBoolean("conformance.details")
        || !(def.contains("\"Parallel\"") || def.contains("\"Map\""))) {
      return null;
    }
    List<dev.waymark.states.HistoryEvent> unmatched = new ArrayList<>(actual);
    for (JsonNode rec : c.path("history")) {
      String type = rec.path("type").asText();
      dev.waymark.states.HistoryEvent match = null;
      String firstDiff = null;
      for (var ev : unmatched) {
        if (!ev.type().equals(type)) {
          continue;
        }
        String d =
            ev.detailsKey() == null
                ? null
                : Masking.diff(rec.get(ev.detailsKey()), ev.details(), type);
        if (d == null) {
          match = ev;
          break;
        }
        firstDiff = firstDiff == null ? d : firstDiff;
      }
      if (match == null) {
        return "no matching " + type + " event" + (firstDiff == null ? "" : ": " + firstDiff);
      }
      unmatched.remove(match);
    }
    return null;
  }

  /** For machines without Parallel/Map: the previousEventId chain must match too. */
  static String comparePrevious(JsonNode c, List<dev.waymark.states.HistoryEvent> actual) {
    String def = Json.write(c.path("definition"));
    JsonNode recorded = c.path("history");
    if (def.contains("\"Parallel\"")
        || def.contains("\"Map\"")
        || recorded.size() != actual.size()) {
      return null;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (Boolean.getBoolean("conformance.details")) {
        var ev = actual.get(i);
        JsonNode mine = ev.detailsKey() == null ? null : ev.details();
        JsonNode theirs = ev.detailsKey() == null ? null : recorded.get(i).get(ev.detailsKey());
        String d = Masking.diff(theirs, mine, "event " + (i + 1) + " " + ev.type());
        if (d != null) {
          return d;
        }
      }
      long want = recorded.get(i).path("previousEventId").asLong();
      if (actual.get(i).previousEventId() != want) {
        return "previousEventId of event "
            + (i + 1)
            + " ("
            + actual.get(i).type()
            + ") is "
            + actual.get(i).previousEventId()
            + ", AWS recorded "
            + want;
      }
    }
    return null;
  }

  static String compare(JsonNode c, List<String> actual) {
    List<String> expected = new ArrayList<>();
    c.path("history_event_types").forEach(t -> expected.add(t.asText()));
    String def = Json.write(c.path("definition"));
    boolean concurrent = def.contains("\"Parallel\"") || def.contains("\"Map\"");
    if (concurrent) {
      List<String> a = new ArrayList<>(actual);
      List<String> e = new ArrayList<>(expected);
      Collections.sort(a);
      Collections.sort(e);
      return a.equals(e) ? null : "history (unordered) " + actual + " != " + expected;
    }
    return actual.equals(expected) ? null : "history " + actual + " != " + expected;
  }
}
