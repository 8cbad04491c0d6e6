package dev.waymark.local.aws;

import com.sun.net.httpserver.HttpExchange;
import dev.waymark.local.faults.Faults;
import dev.waymark.local.http.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * One local endpoint for the messaging services the functions call: SESv2 (restJson1 under {@code
 * /v2/email/}) and SNS (awsQuery, form posts to {@code /}). The functions' own AWS SDK clients are
 * pointed at {@link #endpoint()}.
 */
public final class LocalAwsServer implements AutoCloseable {
  private final LocalHttpServer server;
  private final LocalSesEndpoint ses;
  private final LocalSnsEndpoint sns;

  private final Faults faults;

  public LocalAwsServer(Outbox outbox, BiConsumer<Outbox.Message, String> emailFeedback)
      throws IOException {
    this(outbox, emailFeedback, new Faults());
  }

  /** As above, answering with the SES and SNS faults of {@code faults} before the outbox. */
  public LocalAwsServer(
      Outbox outbox, BiConsumer<Outbox.Message, String> emailFeedback, Faults faults)
      throws IOException {
    this.faults = faults;
    this.ses = new LocalSesEndpoint(outbox, emailFeedback);
    this.sns = new LocalSnsEndpoint(outbox);
    this.server = new LocalHttpServer(LocalHttpServer.LOOPBACK, 0, 4, "/", this::serve);
  }

  public URI endpoint() {
    return server.endpoint();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String path = exchange.getRequestURI().getPath();
      AwsResponse response =
          path.equals("/v2/email/outbound-emails")
              ? InjectedFaults.ses(faults).orElseGet(() -> ses.sendEmail(body))
              : path.equals("/")
                  ? InjectedFaults.sns(faults).orElseGet(() -> sns.handle(body))
                  : AwsResponse.json(
                      404, "{\"message\":\"the local AWS endpoint does not serve " + path + "\"}");
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", response.contentType());
      exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
