package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The Step Functions endpoint: the AWS JSON 1.0 protocol ({@code POST /}, {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>}, JSON bodies, errors as HTTP 400 {@code {"__type": code, "message":
 * ...}}) over a {@link StatesEngine}. Requests are not authenticated: any credentials are accepted
 * and any Host is served, so StartSyncExecution works whether or not the client adds AWS's {@code
 * sync-} host prefix (the SDK needs {@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}
 * so that the prefixed host need not resolve).
 */
public final class StatesHttpServer implements AutoCloseable {
  static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final System.Logger LOG = System.getLogger(StatesHttpServer.class.getName());

  private final StatesApi api;
  private final HttpServer server;
  private final Consumer<String> onCall;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private StatesHttpServer(StatesApi api, HttpServer server, Consumer<String> onCall) {
    this.api = api;
    this.server = server;
    this.onCall = onCall;
  }

  /** Starts serving {@code engine} on {@code host:port} (port 0 picks a free port). */
  public static StatesHttpServer start(StatesEngine engine, String host, int port)
      throws IOException {
    return start(engine, host, port, operation -> {});
  }

  /**
   * As above; {@code onCall} is told each operation's name (e.g. {@code StartExecution}) as its
   * request arrives, before it runs (the local runtime's latency probe).
   */
  public static StatesHttpServer start(
      StatesEngine engine, String host, int port, Consumer<String> onCall) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 256);
    StatesHttpServer s = new StatesHttpServer(new StatesApi(engine), http, onCall);
    http.createContext("/", s::handle);
    http.setExecutor(s.executor);
    http.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The endpoint URL to give clients, e.g. {@code http://127.0.0.1:8083}. */
  public String endpoint() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      int status = 200;
      ObjectNode body;
      try {
        body = dispatch(ex);
      } catch (StatesApiException e) {
        status = 400;
        body = error(e.code(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "internal failure", e);
        status = 500;
        body = error("InternalFailure", String.valueOf(e));
      }
      byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  private ObjectNode dispatch(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      throw new StatesApiException("UnknownOperationException", "Only POST / is served");
    }
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new StatesApiException(
          "UnknownOperationException", "Missing or foreign X-Amz-Target: " + target);
    }
    String operation = target.substring(TARGET_PREFIX.length());
    onCall.accept(operation);
    return api.call(operation, readBody(ex.getRequestBody()));
  }

  private static JsonNode readBody(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return Json.object();
    }
    try {
      JsonNode n = Json.parse(text);
      if (!n.isObject()) {
        throw new IllegalArgumentException("request body is not a JSON object");
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw new StatesApiException(
          "SerializationException", "Malformed request body: " + e.getMessage());
    }
  }

  private static ObjectNode error(String code, String message) {
    return Json.object().put("__type", code).put("message", message);
  }
}
