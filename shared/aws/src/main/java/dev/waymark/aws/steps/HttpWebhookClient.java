package dev.waymark.aws.steps;

import dev.waymark.core.journey.steps.WebhookClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link WebhookClient} on {@code java.net.http.HttpClient}: no redirects followed (a redirect
 * could lead to an address the URL check refused), the step's timeout on the whole exchange.
 */
public record HttpWebhookClient(HttpClient http) implements WebhookClient {
  public static HttpWebhookClient create() {
    return new HttpWebhookClient(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  @Override
  public Response call(Request request) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.url())
            .timeout(request.timeout())
            .method(
                request.method(),
                request.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach(builder::header);
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }
}
