package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compares history event types: in order, or as a multiset when Parallel/Map interleave events. */
final class HistoryCompare {
    private HistoryCompare() {
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
