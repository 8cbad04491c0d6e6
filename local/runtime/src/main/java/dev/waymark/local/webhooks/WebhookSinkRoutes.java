package dev.waymark.local.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.clock.VirtualClock;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink for journeys' webhook steps on the local runtime. Any method on {@code
 * /_local/webhooks/<anything>} is recorded (method, path, query, headers, body, virtual time) and
 * answered 200 {@code {"ok":true}}, or with the status a {@code ?status=<code>} query asks for (to
 * take a step's {@code onError} path). {@code GET /_local/webhooks} lists the calls, oldest first.
 */
public final class WebhookSinkRoutes implements LocalRoutes {
  static final String ROOT = "/_local/webhooks";
  private final VirtualClock clock;
  private final List<ObjectNode> calls = new CopyOnWriteArrayList<>();

  public WebhookSinkRoutes(VirtualClock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    if (request.path().equals(ROOT) || request.path().equals(ROOT + "/")) {
      if (!request.method().equals("GET")) {
        return Optional.of(problem(405, "GET lists the calls; send calls to " + ROOT + "/<path>"));
      }
      ObjectNode body = Json.object();
      ArrayNode list = body.putArray("calls");
      calls.forEach(list::add);
      return Optional.of(LocalResponse.json(200, Json.write(body)));
    }
    if (!request.path().startsWith(ROOT + "/")) {
      return Optional.empty();
    }
    Map<String, String> query = request.queryParameters();
    int status = 200;
    if (query.containsKey("status")) {
      try {
        status = Integer.parseInt(query.get("status"));
      } catch (NumberFormatException e) {
        status = -1;
      }
      if (status < 200 || status > 599) {
        return Optional.of(problem(400, "status: a number 200..599"));
      }
    }
    ObjectNode call =
        Json.object()
            .put("method", request.method())
            .put("path", request.path())
            .put("query", request.rawQuery())
            .put("body", request.body())
            .put("at", clock.instant().toString())
            .put("status", status);
    call.set("headers", Json.MAPPER.valueToTree(request.headers()));
    calls.add(call);
    return Optional.of(
        LocalResponse.json(
            status,
            status / 100 == 2 ? "{\"ok\":true}" : "{\"ok\":false,\"status\":" + status + "}"));
  }

  private static LocalResponse problem(int status, String detail) {
    return LocalResponse.json(
        status,
        Json.write(
            Json.object().put("title", "Bad request").put("status", status).put("detail", detail)));
  }
}
