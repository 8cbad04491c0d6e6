package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.functions.journeys.TemplateRoutesTest.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layouts API through the journeys handler, on DynamoDB Local (the fixture of {@link
 * TemplateRoutesTest}: a fresh table with the shipped {@code brand} layout in it).
 */
class LayoutRoutesTest {
  static final String PLAIN =
      "{\"html\":\"<main>{{ content }}</main><a href='{{ unsubscribeUrl }}'>Unsubscribe</a>\"}";
  final TemplateRoutesTest api = new TemplateRoutesTest();

  @BeforeEach
  void freshTable() {
    api.freshTable();
  }

  Answer put(String id, String body) {
    return api.call("PUT /v1/layouts/{id}", Map.of("id", id), body);
  }

  Answer get(String id) {
    return api.call("GET /v1/layouts/{id}", Map.of("id", id), null);
  }

  @Test
  void aChangedLayoutIsANewVersionAndTheSameHtmlKeepsItsVersion() {
    Answer first = put("plain", PLAIN);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("version").asInt()).isEqualTo(1);
    assertThat(first.body().path("created").asBoolean()).isTrue();
    assertThat(put("plain", PLAIN).body().path("created").asBoolean()).isFalse();
    assertThat(
            put("plain", PLAIN.replace("<main>", "<main class='x'>"))
                .body()
                .path("version")
                .asInt())
        .isEqualTo(2);

    Answer latest = get("plain");
    assertThat(latest.body().path("html").asText()).startsWith("<main class='x'>");
    assertThat(latest.body().path("versions").findValuesAsText("version"))
        .containsExactly("1", "2");
    assertThat(api.call("GET /v1/layouts", Map.of(), null).body().findValuesAsText("id"))
        .containsExactly("brand", "plain");
    assertThat(get("nope").status()).isEqualTo(404);
  }

  @Test
  void aTemplateNamingALayoutChecksItAgainstTheStore() {
    String template =
        "{\"layout\":\"plain\",\"email\":{\"subject\":\"Hi\",\"html\":\"<p>{{ profile.firstName"
            + " }}</p>\"},\"sample\":{\"profile\":{\"firstName\":\"Sarah\"}}}";
    Answer before = api.put("offer", template);
    assertThat(before.status()).isEqualTo(400);
    assertThat(api.fields(before)).containsExactly("/layout");

    put("plain", PLAIN);
    assertThat(api.put("offer", template).status()).isEqualTo(200);
    Answer preview = api.offer("preview", "{\"data\":{\"profile\":{\"firstName\":\"Ola\"}}}");
    assertThat(preview.body().path("channels").path("email").path("html").asText())
        .startsWith("<main><p>Ola</p></main>");
  }

  @Test
  void publishingTheShippedLayoutsAgainKeepsABrandChangeMadeThroughTheApi() {
    String changed = "{\"html\":\"<header>New brand</header>{{ content }}\"}";
    assertThat(put("brand", changed).body().path("version").asInt()).isEqualTo(2);

    List<ShippedTemplates.Published> again =
        ShippedTemplates.publishLayouts(
            LayoutRoutesTest.class.getClassLoader(), api.journeys.templates().layouts());

    assertThat(again).containsExactly(new ShippedTemplates.Published("brand", 2, false));
    assertThat(get("brand").body().path("html").asText()).startsWith("<header>New brand");
  }

  /** Each bad layout is refused with a 400 naming the field, and nothing is stored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "::",
      value = {
        "no content variable :: /html :: {\"html\":\"<main>hello</main>\"}",
        "content never rendered :: /html :: {\"html\":\"{% if false %}{{ content }}{% endif %}\"}",
        "broken syntax :: /html :: {\"html\":\"<main>{{ content </main>\"}",
        "unknown filter :: /html :: {\"html\":\"{{ content | shout }}\"}",
        "unknown tag :: /html :: {\"html\":\"{% shout %}{{ content }}\"}",
        "a variable not every send has :: /html :: {\"html\":\"{{ profile.firstName }}{{ content }}\"}",
        "html missing :: /html :: {}",
        "html not a string :: /html :: {\"html\":42}",
        "html blank :: /html :: {\"html\":\"  \"}",
        "unknown field :: /colour :: {\"html\":\"{{ content }}\",\"colour\":\"red\"}",
        "not an object :: / :: [\"{{ content }}\"]",
      })
  void aBadLayoutIsRefusedNamingTheField(String why, String field, String body) {
    Answer answer = put("bad", body);

    assertThat(answer.status()).as(why).isEqualTo(400);
    assertThat(api.fields(answer)).as(why).containsExactly(field);
    assertThat(answer.body().toString()).doesNotContain("liqp", "Exception", "antlr");
    assertThat(get("bad").status()).as(why).isEqualTo(404);
  }

  @Test
  void badIdsAndMalformedJsonAre400() {
    assertThat(api.fields(put("Bad_Id", PLAIN))).containsExactly("id");
    Answer malformed = put("plain", "{\"html\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(get("plain").status()).isEqualTo(404);
  }
}
