package dev.waymark.local.http;

import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP listener of the local HTTP API (Jetty): it hands each request, read whole, to a function
 * and writes its answer. Whatever Jetty itself refuses before a request reaches that function (a
 * malformed request line, bad percent-encoding in the path, headers too large) is answered as an
 * {@code application/problem+json} problem too, never an HTML page; so is a body over {@link
 * #MAX_BODY_BYTES}.
 */
final class JettyListener implements AutoCloseable {
  /** The largest request body the local API reads: API Gateway's HTTP API payload limit. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** Jetty's reasons are short phrases ("Bad UTF-8 encoding"); anything else is not shown. */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.:'-]{1,80}");

  private final Server server;
  private final ServerConnector connector;

  JettyListener(String host, int port, Function<LocalHttpRequest, LocalResponse> serve)
      throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(24, 4);
    threads.setName("local-api");
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(true);
    // the path is decoded by the route, strictly, per segment (an id may hold an encoded '/')
    config.setUriCompliance(UriCompliance.UNSAFE);
    connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            LocalResponse answer;
            try {
              answer = serve.apply(LocalHttpRequest.read(request, MAX_BODY_BYTES));
            } catch (ProblemException e) {
              answer = LocalResponse.problem(e.problem());
            }
            write(response, answer, callback);
            return true;
          }
        });
    server.setErrorHandler(this::refused);
    try {
      server.start();
    } catch (Exception e) {
      throw new IOException("the local API could not listen on " + host + ":" + port, e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  /** Jetty's own refusals (and its 404s, 500s), as problems. */
  private boolean refused(Request request, Response response, Callback callback) {
    int status = response.getStatus() < 400 ? 400 : response.getStatus();
    Object reason = request.getAttribute("org.eclipse.jetty.server.error_message");
    String text = reason == null ? "" : reason.toString();
    String detail =
        "the request is not valid HTTP"
            + (PLAIN_REASON.matcher(text).matches() ? ": " + text.toLowerCase() : "")
            + " (check the URL's percent-encoding and the headers)";
    Problem problem =
        status >= 500
            ? Problem.of(status, "Internal error", "the request could not be completed")
            : new Problem(
                "https://waymark.dev/problems/bad-request",
                "Bad request",
                status,
                "request: " + detail,
                java.util.List.of(new dev.waymark.core.problem.FieldError("request", detail)));
    write(response, LocalResponse.problem(problem), callback);
    return true;
  }

  private static void write(Response response, LocalResponse answer, Callback callback) {
    response.setStatus(answer.status());
    answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put("Content-Length", Integer.toString(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the local API did not stop", e);
    }
  }
}
