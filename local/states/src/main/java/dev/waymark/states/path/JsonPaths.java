package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.waymark.states.json.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The JSONPath subset ASL uses: reading (Jayway, as AWS does) and ResultPath-style writing. */
public final class JsonPaths {
  private static final Configuration CONF =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .options(EnumSet.noneOf(Option.class))
          .build();

  private JsonPaths() {}

  /** Thrown when a path selects nothing; message is Jayway's, as AWS reports it. */
  public static final class PathMissing extends RuntimeException {
    public PathMissing(String message) {
      super(message);
    }
  }

  /** Reads {@code path} (starting with '$') from {@code doc}. */
  public static JsonNode read(JsonNode doc, String path) {
    if (path.contains("\\") && path.contains("['")) {
      return readLiteral(doc, path);
    }
    try {
      Object r = JsonPath.using(CONF).parse(doc.deepCopy()).read(path);
      return r == null ? Json.F.nullNode() : (JsonNode) r;
    } catch (PathNotFoundException e) {
      if (!isDefinite(path)) {
        return Json.array();
      }
      throw new PathMissing(e.getMessage());
    } catch (InvalidPathException e) {
      throw new PathMissing(e.getMessage());
    }
  }

  /**
   * AWS takes quoted bracket keys literally (no backslash escapes), unlike Jayway: navigate
   * ourselves.
   */
  private static JsonNode readLiteral(JsonNode doc, String path) {
    JsonNode cur = doc;
    for (Object seg : segments(path)) {
      cur = seg instanceof String key ? cur.get(key) : cur.get((Integer) seg);
      if (cur == null) {
        throw new PathMissing("No results for path: " + path);
      }
    }
    return cur;
  }

  /** Whether the path can only select a single node (no wildcards, filters, slices, deep scan). */
  public static boolean isDefinite(String path) {
    try {
      return JsonPath.compile(path).isDefinite();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Splits a definite reference path ($.a.b[0]['c']) into keys (String) and indices (Integer). */
  public static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        out.add(path.substring(i + 1, j));
        i = j;
      } else if (c == '[') {
        int j = path.indexOf(']', i);
        if (j < 0) {
          throw new PathMissing("Invalid path " + path);
        }
        String inner = path.substring(i + 1, j).trim();
        if (inner.startsWith("'") || inner.startsWith("\"")) {
          out.add(inner.substring(1, inner.length() - 1));
        } else {
          out.add(Integer.parseInt(inner));
        }
        i = j + 1;
      } else {
        throw new PathMissing("Invalid path " + path);
      }
    }
    return out;
  }

  /**
   * Returns a copy of {@code target} with {@code value} placed at the reference path (creating
   * objects).
   */
  public static JsonNode write(JsonNode target, String path, JsonNode value) {
    List<Object> segs = segments(path);
    if (segs.isEmpty()) {
      return value;
    }
    if (target == null || !target.isContainerNode()) {
      throw new PathMissing("Unable to apply ResultPath '" + path + "' to a non-object input");
    }
    JsonNode root = target.deepCopy();
    JsonNode cur = root;
    for (int k = 0; k < segs.size(); k++) {
      Object seg = segs.get(k);
      boolean last = k == segs.size() - 1;
      if (seg instanceof String key) {
        if (!cur.isObject()) {
          throw new PathMissing("Invalid path '" + path + "': cannot set a field on a non-object");
        }
        ObjectNode obj = (ObjectNode) cur;
        if (last) {
          obj.set(key, value);
        } else {
          JsonNode next = obj.get(key);
          if (next == null || !next.isContainerNode()) {
            next = Json.object();
            obj.set(key, next);
          }
          cur = next;
        }
      } else {
        int idx = (Integer) seg;
        if (!cur.isArray() || idx >= cur.size()) {
          throw new PathMissing("Invalid path '" + path + "': index out of bounds");
        }
        ArrayNode arr = (ArrayNode) cur;
        if (last) {
          arr.set(idx, value);
        } else {
          cur = arr.get(idx);
        }
      }
    }
    return root;
  }
}
