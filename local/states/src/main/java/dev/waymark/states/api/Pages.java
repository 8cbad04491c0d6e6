package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * maxResults/nextToken paging over a list: the token is an opaque offset bound to the list it
 * pages.
 */
final class Pages {
  private Pages() {}

  /**
   * Puts one page of {@code items} under {@code member} in {@code out}, and a nextToken when more
   * remain.
   */
  static <T> ObjectNode page(
      JsonNode request,
      List<T> items,
      int defaultSize,
      String scope,
      String member,
      Function<T, JsonNode> toJson,
      ObjectNode out) {
    int size = Req.maxResults(request, defaultSize);
    int from = offset(Req.optional(request, "nextToken"), scope);
    ArrayNode page = out.putArray(member);
    int to = Math.min(items.size(), from + size);
    for (int i = from; i < to; i++) {
      page.add(toJson.apply(items.get(i)));
    }
    if (to < items.size()) {
      out.put("nextToken", token(to, scope));
    }
    return out;
  }

  private static String token(int offset, String scope) {
    String raw = offset + "|" + scope;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String scope) {
    if (token == null) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar > 0 && raw.substring(bar + 1).equals(scope)) {
        return Integer.parseInt(raw.substring(0, bar));
      }
    } catch (IllegalArgumentException e) {
      // falls through to InvalidToken
    }
    throw new StatesApiException("InvalidToken", "Invalid Token: '" + token + "'");
  }
}
