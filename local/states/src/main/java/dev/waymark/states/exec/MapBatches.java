package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.path.PayloadTemplate;

/**
 * The Map state's ItemBatcher: {@code MaxItemsPerBatch(Path)}, {@code MaxInputBytesPerBatch(Path)}
 * and {@code BatchInput}. Each limit may be a literal, a JSONata expression (JSONata mode) or a
 * reference path (JSONPath mode: input, context or variable); both limits apply when both are set.
 * A batch is {@code {"BatchInput": ..., "Items": [...]}} and its size is that JSON's UTF-8 length
 * (AWS: "the maximum size of a batch in bytes, up to 256 KiB").
 */
final class MapBatches {
  /** AWS: MaxInputBytesPerBatch may be at most 256 KiB. */
  static final long MAX_BYTES = 262_144;

  private MapBatches() {}

  static ArrayNode batch(StateRun r, ArrayNode items, JsonNode eff) {
    JsonNode batcher = r.field("ItemBatcher");
    if (batcher == null) {
      return items;
    }
    long maxItems = limit(r, eff, batcher, "MaxItemsPerBatch", Long.MAX_VALUE);
    long maxBytes = limit(r, eff, batcher, "MaxInputBytesPerBatch", MAX_BYTES);
    if (maxBytes > MAX_BYTES) {
      throw new StatesFailure(
          "States.Runtime",
          "MaxInputBytesPerBatch must be at most " + MAX_BYTES + " bytes, got '" + maxBytes + "'.");
    }
    JsonNode batchInput =
        batcher.has("BatchInput")
            ? (r.jsonata
                ? r.jsonata(
                    batcher.get("BatchInput"), "ItemBatcher/BatchInput", r.input, null, null)
                : PayloadTemplate.apply(batcher.get("BatchInput"), r.evalContext(eff)))
            : null;
    ArrayNode out = Json.array();
    ObjectNode cur = null;
    long curBytes = 0;
    for (JsonNode item : items) {
      long itemBytes = Json.utf8Size(item);
      boolean full =
          cur != null
              && (cur.get("Items").size() >= maxItems || curBytes + 1 + itemBytes > maxBytes);
      if (cur == null || full) {
        cur = out.addObject();
        if (batchInput != null) {
          cur.set("BatchInput", batchInput);
        }
        cur.putArray("Items");
        curBytes = Json.utf8Size(cur);
        if (curBytes + itemBytes > maxBytes) {
          throw new StatesFailure(
              "States.Runtime",
              "An item of "
                  + itemBytes
                  + " bytes does not fit in a batch of MaxInputBytesPerBatch "
                  + maxBytes
                  + " bytes.");
        }
      } else {
        curBytes += 1; // the comma before the item
      }
      ((ArrayNode) cur.get("Items")).add(item);
      curBytes += itemBytes;
    }
    return out;
  }

  /**
   * One positive-integer limit: {@code field} (literal or JSONata) or {@code field + "Path"}; the
   * default when neither is set.
   */
  private static long limit(StateRun r, JsonNode eff, JsonNode batcher, String field, long dflt) {
    long n;
    if (batcher.has(field + "Path") && !r.jsonata) {
      n = PathValues.integerAt(r, eff, field + "Path", batcher.get(field + "Path").asText());
    } else if (batcher.has(field)) {
      JsonNode v = batcher.get(field);
      if (r.jsonata && !v.isNumber()) {
        v = r.jsonata(v, "ItemBatcher/" + field, r.input, null, null);
      }
      Long parsed = PathValues.integer(v);
      if (parsed == null || !v.isNumber()) {
        throw new StatesFailure(
            "States.Runtime", "Expected a positive integer for " + field + ", got " + v + ".");
      }
      n = parsed;
    } else {
      return dflt;
    }
    if (n <= 0) {
      throw new StatesFailure(
          "States.Runtime", "Expected a positive integer for " + field + ", got '" + n + "'.");
    }
    return n;
  }
}
