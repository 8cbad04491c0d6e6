package dev.waymark.functions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.access.WriteKeys;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.List;

/**
 * The write key analytics.js sends in the body ({@code "writeKey": "wk_..."}) when a request has no
 * Authorization header: the authorizer let the request through, and it is checked here.
 */
final class BodyWriteKey {
  private BodyWriteKey() {}

  /** The key's source; 401 when the body names no key, 403 when the key is not valid. */
  static String sourceOf(String body, WriteKeys writeKeys) {
    JsonNode key;
    try {
      key = Json.parse(body).path("writeKey");
    } catch (RuntimeException notJson) {
      key = null;
    }
    if (key == null || !key.isTextual() || key.asText().isBlank()) {
      throw refused(
          401,
          "Unauthorized",
          "a write key is needed: Authorization: Basic base64(<key>:) or Bearer <key>, or"
              + " \"writeKey\" in the body");
    }
    if (writeKeys == null) {
      throw refused(403, "Forbidden", "write keys in the body are not accepted here");
    }
    return writeKeys
        .authenticate("Bearer " + key.asText())
        .orElseThrow(() -> refused(403, "Forbidden", "not a valid write key"));
  }

  private static ProblemException refused(int status, String title, String message) {
    return new ProblemException(
        new Problem(
            "https://waymark.dev/problems/" + title.toLowerCase(),
            title,
            status,
            "writeKey: " + message,
            List.of(new FieldError("/writeKey", message))));
  }
}
