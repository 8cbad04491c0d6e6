package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profile traits with the event time each was last set at. A value only replaces another when its
 * event is at least as recent, so a late event never overwrites a newer value. A JSON null removes
 * the trait (again only when newer).
 */
public record Traits(ObjectNode values, Map<String, Instant> setAt) {

  public Traits {
    values = values.deepCopy();
    setAt = Map.copyOf(setAt);
  }

  public static Traits empty() {
    return new Traits(Json.object(), Map.of());
  }

  public Traits applying(ObjectNode incoming, Instant at) {
    ObjectNode nextValues = values.deepCopy();
    Map<String, Instant> nextTimes = new TreeMap<>(setAt);
    Iterator<Map.Entry<String, JsonNode>> fields = incoming.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Instant known = nextTimes.get(field.getKey());
      if (known == null || !at.isBefore(known)) {
        nextTimes.put(field.getKey(), at);
        if (field.getValue().isNull()) {
          nextValues.remove(field.getKey());
        } else {
          nextValues.set(field.getKey(), field.getValue().deepCopy());
        }
      }
    }
    return new Traits(nextValues, nextTimes);
  }

  /**
   * The union of two trait sets; per trait the most recently set value wins (this one on a tie).
   */
  public Traits mergedWith(Traits other) {
    ObjectNode nextValues = values.deepCopy();
    Map<String, Instant> nextTimes = new TreeMap<>(setAt);
    other.setAt.forEach(
        (name, otherAt) -> {
          Instant mine = nextTimes.get(name);
          if (mine == null || otherAt.isAfter(mine)) {
            nextTimes.put(name, otherAt);
            JsonNode value = other.values.get(name);
            if (value == null) {
              nextValues.remove(name);
            } else {
              nextValues.set(name, value.deepCopy());
            }
          }
        });
    return new Traits(nextValues, nextTimes);
  }
}
