package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.local.hostile.ApiRouteCatalog;
import dev.waymark.local.hostile.ApiRouteCatalog.Route;
import dev.waymark.local.hostile.HostileCase;
import dev.waymark.local.hostile.Placeholders;
import dev.waymark.local.hostile.RawHttp;
import dev.waymark.local.http.SamApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of docs/openapi.yaml (and the /_local ones) gets every hostile input of {@code
 * src/test/resources/hostile/} that applies to it, over the real local HTTP server: each answer is
 * a 4xx {@code application/problem+json} naming what is wrong, showing no library internals, and
 * nothing is written to the table nor changed on the fixture's profile.
 */
class HostileInputTest extends LocalRuntimeFixture {
  /** Class-like names, exceptions, Jackson, Java packages: internals a user must never see. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "(?i:exception|jackson|fasterxml|java\\.|javax\\.|\\bat [a-z]+\\.)"
              + "|\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\\b"
              + "|\\b\\w+\\.\\w+\\(\\)");

  static final Map<String, String> IDS = new LinkedHashMap<>();

  @BeforeAll
  static void aPersonWithEvents() {
    api.sendEvents(
        "{\"batch\":["
            + "{\"type\":\"identify\",\"messageId\":\"hi-1\",\"userId\":\"hostile-target\","
            + "\"traits\":{\"email\":\"target@example.com\"},\"timestamp\":\"2026-11-24T07:00:00Z\"},"
            + "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"hi-2\","
            + "\"userId\":\"hostile-target\",\"timestamp\":\"2026-11-24T07:01:00Z\"},"
            + "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"hi-3\","
            + "\"userId\":\"hostile-target\",\"timestamp\":\"2026-11-24T07:02:00Z\"}]}");
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"hi-4\",\"userId\":\"bystander\"}]}");
    runtime.awaitProcessed();
    IDS.put("profileId", profileOf("hostile-target"));
    IDS.put("bystanderId", profileOf("bystander"));
  }

  private static String profileOf(String userId) {
    return api.get("/v1/profiles?userId=" + userId).body().path("profileId").asText();
  }

  @TestFactory
  Stream<DynamicContainer> everyRouteRefusesEveryHostileInput() {
    List<HostileCase> cases = HostileCase.all();
    return ApiRouteCatalog.routes().stream()
        .map(
            route ->
                DynamicContainer.dynamicContainer(
                    route.key(),
                    cases.stream()
                        .filter(c -> c.appliesTo(route))
                        .map(
                            c ->
                                DynamicTest.dynamicTest(
                                    c.file() + ": " + c.name(), () -> refused(route, c)))));
  }

  @Test
  void everyRouteGetsHostileInputsAndEveryTemplateRouteIsDocumented() {
    List<HostileCase> cases = HostileCase.all();
    List<String> documented = ApiRouteCatalog.openApiRoutes().stream().map(Route::key).toList();
    for (Route route : ApiRouteCatalog.routes()) {
      assertThat(cases.stream().filter(c -> c.appliesTo(route)).count())
          .as("hostile cases for %s", route.key())
          .isGreaterThanOrEqualTo(2);
    }
    for (HostileCase c : cases) {
      assertThat(c.route().equals("*") || documentedOrLocal(c.route()))
          .as("%s names an unknown route %s", c.name(), c.route())
          .isTrue();
    }
    List<String> served =
        SamApi.routes(TemplateTable.findTemplate()).stream()
            .map(r -> r.method() + " " + r.path())
            .toList();
    assertThat(documented).as("template.yaml's routes in docs/openapi.yaml").containsAll(served);
  }

  private static boolean documentedOrLocal(String key) {
    return ApiRouteCatalog.routes().stream().anyMatch(r -> r.key().equals(key));
  }

  @Test
  void anIssuedCursorPagesAndWorksForItsProfileOnly() {
    String id = IDS.get("profileId");
    JsonNode first = api.get("/v1/profiles/" + id + "/events?limit=1").body();
    String cursor = first.path("nextCursor").asText();
    LocalApi.Answer second = api.get("/v1/profiles/" + id + "/events?limit=1&cursor=" + cursor);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("events").get(0).path("messageId").asText())
        .isNotEqualTo(first.path("events").get(0).path("messageId").asText());
    LocalApi.Answer elsewhere =
        api.get("/v1/profiles/" + IDS.get("bystanderId") + "/events?cursor=" + cursor);
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    String altered = cursor.substring(0, cursor.length() - 2) + "AA";
    LocalApi.Answer changed = api.get("/v1/profiles/" + id + "/events?cursor=" + altered);
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
  }

  private void refused(Route route, HostileCase c) {
    runtime.awaitProcessed();
    int itemsBefore = BadInputTest.itemCount();
    String profileBefore = profile();

    RawHttp.Answer answer = send(route, c);

    String what = route.key() + " / " + c.name() + " -> " + answer.status() + " " + answer.body();
    assertThat(answer.status()).as(what).isBetween(400, 499);
    if (c.status(route) != null) {
      assertThat(answer.status()).as(what).isEqualTo(c.status(route));
    }
    assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
    JsonNode problem = Json.parse(answer.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.status());
    assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    if (c.field(route) != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      assertThat(fields).as(what).contains(c.field(route));
    }
    String sent = c.body() == null ? "" : new String(c.bodyBytes(IDS), StandardCharsets.UTF_8);
    assertThat(internalsOf(answer.body(), sent)).as("internals in %s", what).isEmpty();

    runtime.awaitProcessed();
    assertThat(BadInputTest.itemCount())
        .as("items in the table after " + what)
        .isEqualTo(itemsBefore);
    assertThat(profile()).as("the profile after " + what).isEqualTo(profileBefore);
  }

  /**
   * What in an answer looks like internals, but for the request's own words echoed back (a Pinpoint
   * export's field names, such as NextActivity, are the client's, named in pointers).
   */
  private static List<String> internalsOf(String body, String sent) {
    List<String> found = new ArrayList<>();
    var m = INTERNALS.matcher(body);
    while (m.find()) {
      if (!sent.contains(m.group())) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static String profile() {
    return api.get("/v1/profiles/" + IDS.get("profileId")).body().toString();
  }

  private static RawHttp.Answer send(Route route, HostileCase c) {
    String path =
        c.path() != null
            ? expand(c.path())
            : fill(route.path(), c.pathValue() == null ? null : expand(c.pathValue()));
    String query = c.query() == null ? "" : "?" + expand(c.query());
    Map<String, String> headers = new LinkedHashMap<>();
    if (route.writeKey()) {
      headers.put("Authorization", "Bearer " + runtime.writeKey());
    }
    byte[] body = c.bodyBytes(IDS);
    if (c.body() != null) {
      headers.put("Content-Type", c.contentType() == null ? "application/json" : c.contentType());
    }
    c.headers().forEach((name, value) -> headers.put(name, expand(value)));
    String method = c.method() == null ? route.method() : c.method();
    return RawHttp.send(runtime.baseUri().getPort(), method, path + query, headers, body);
  }

  /** The route's path with the fixture's ids (or the case's raw value) in its parameters. */
  private static String fill(String template, String rawValue) {
    StringBuilder path = new StringBuilder();
    String[] segments = template.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (i > 0) {
        path.append('/');
      }
      if (rawValue != null && s.startsWith("{")) {
        path.append(rawValue);
      } else if (s.equals("{v}")) {
        path.append("1");
      } else if (s.equals("{pool}")) {
        path.append("welcome");
      } else if (s.equals("{id}")) {
        path.append(idFor(segments[i - 1]));
      } else {
        path.append(s);
      }
    }
    return path.toString();
  }

  private static String idFor(String collection) {
    return switch (collection) {
      case "profiles" -> IDS.get("profileId");
      case "journeys" -> "lease-renewal";
      case "templates" -> "lease-offer";
      case "layouts" -> "brand";
      case "segments" -> "app-installed";
      default -> "no-such-" + collection;
    };
  }

  private static String expand(String text) {
    return Placeholders.expand(text, IDS);
  }
}
