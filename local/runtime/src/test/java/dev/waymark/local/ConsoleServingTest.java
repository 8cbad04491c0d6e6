package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The console's static files, served by the local runtime at /console over HTTP. */
class ConsoleServingTest extends LocalRuntimeFixture {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(runtime.baseUri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theConsoleIsServedFromItsBuiltFiles() throws Exception {
    HttpResponse<String> bare = get("/console");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).hasValue("/console/");

    HttpResponse<String> index = get("/console/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(index.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
    assertThat(index.body()).doesNotContain("<script>"); // no inline script

    HttpResponse<String> script = get("/console/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(script.body()).contains("/v1/journeys");

    assertThat(get("/console/app.css").headers().firstValue("Content-Type"))
        .hasValue("text/css; charset=utf-8");
    assertThat(runtime.consoleUri().toString()).endsWith("/console/");
  }

  @Test
  void nothingOutsideTheConsoleFilesIsServed() throws Exception {
    for (String path :
        new String[] {
          "/console/missing.js",
          "/console/..%2Fpom.xml",
          "/console/log4j2-local.xml",
          "/console/dev/waymark/local/LocalRuntime.class"
        }) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(runtime.baseUri().resolve("/console/app.js"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    // an encoded dot-dot path: Jetty itself refuses it as ambiguous, before any route, and closes
    // the connection (so it comes last: the client would reuse the closed connection)
    assertThat(get("/console/%2e%2e/%2e%2e/pom.xml").statusCode()).isIn(400, 404);
  }
}
