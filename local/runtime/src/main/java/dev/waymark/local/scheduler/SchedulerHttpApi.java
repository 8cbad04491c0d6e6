package dev.waymark.local.scheduler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.waymark.core.json.Json;
import dev.waymark.local.http.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The EventBridge Scheduler API (restJson1) over {@link LocalScheduler}, on its own port, so the
 * AWS SDK's {@code SchedulerClient} pointed at {@link #endpoint()} works unchanged: {@code
 * POST/GET/PUT/DELETE /schedules/{Name}} (CreateSchedule, GetSchedule, UpdateSchedule,
 * DeleteSchedule) and {@code GET /schedules} (ListSchedules, one page).
 */
public final class SchedulerHttpApi implements AutoCloseable {
  private final LocalScheduler scheduler;
  private final LocalHttpServer server;

  public SchedulerHttpApi(LocalScheduler scheduler, int port) throws IOException {
    this.scheduler = scheduler;
    this.server = new LocalHttpServer(LocalHttpServer.LOOPBACK, port, 4, "/schedules", this::serve);
  }

  public URI endpoint() {
    return server.endpoint();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (path.equals("/schedules") || path.equals("/schedules/")) {
        write(exchange, 200, list(query));
        return;
      }
      String name =
          URLDecoder.decode(path.substring("/schedules/".length()), StandardCharsets.UTF_8);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      ObjectNode body =
          raw.length == 0
              ? Json.object()
              : Json.parseObject(new String(raw, StandardCharsets.UTF_8));
      String group = firstOf(body.path("GroupName").asText(null), query.get("groupName"));
      switch (method) {
        case "POST" -> created(exchange, scheduler.create(group, name, body), group, name);
        case "PUT" ->
            answer(
                exchange, scheduler.update(group, name, body), group, name, arnOnly(group, name));
        case "GET" ->
            scheduler
                .get(group, name)
                .ifPresentOrElse(
                    s -> write(exchange, 200, describe(s)), () -> notFound(exchange, name));
        case "DELETE" ->
            answer(exchange, scheduler.delete(group, name), group, name, Json.object());
        default -> error(exchange, 405, "ValidationException", "unsupported method " + method);
      }
    } catch (IllegalArgumentException e) {
      error(exchange, 400, "ValidationException", e.getMessage());
    }
  }

  private void created(HttpExchange exchange, boolean created, String group, String name) {
    if (created) {
      write(exchange, 200, arnOnly(group, name));
    } else {
      error(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
    }
  }

  private void answer(
      HttpExchange exchange, boolean found, String group, String name, ObjectNode body) {
    if (found) {
      write(exchange, 200, body);
    } else {
      notFound(exchange, name);
    }
  }

  private void notFound(HttpExchange exchange, String name) {
    error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
  }

  private ObjectNode arnOnly(String group, String name) {
    return Json.object()
        .put("ScheduleArn", scheduler.get(group, name).map(LocalSchedule::arn).orElse(""));
  }

  private ObjectNode list(Map<String, String> query) {
    String group = firstOf(query.get("ScheduleGroup"), query.get("groupName"));
    List<LocalSchedule> found = scheduler.list(group, query.get("NamePrefix"));
    ObjectNode answer = Json.object();
    ArrayNode schedules = answer.putArray("Schedules");
    for (LocalSchedule s : found) {
      ObjectNode summary =
          schedules
              .addObject()
              .put("Arn", s.arn())
              .put("Name", s.name())
              .put("GroupName", s.group())
              .put("State", s.enabled() ? "ENABLED" : "DISABLED")
              .put("CreationDate", s.created().getEpochSecond())
              .put("LastModificationDate", s.modified().getEpochSecond());
      summary.putObject("Target").put("Arn", s.targetArn());
    }
    return answer;
  }

  private static ObjectNode describe(LocalSchedule s) {
    ObjectNode d = s.definition().deepCopy();
    d.remove("ClientToken");
    d.put("Arn", s.arn())
        .put("Name", s.name())
        .put("GroupName", s.group())
        .put("State", s.enabled() ? "ENABLED" : "DISABLED")
        .put("CreationDate", s.created().getEpochSecond())
        .put("LastModificationDate", s.modified().getEpochSecond());
    return d;
  }

  private static String firstOf(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      params.put(
          k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void error(HttpExchange exchange, int status, String type, String message) {
    exchange.getResponseHeaders().add("X-Amzn-ErrorType", type);
    write(exchange, status, Json.object().put("Message", message));
  }

  private static void write(HttpExchange exchange, int status, ObjectNode body) {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
