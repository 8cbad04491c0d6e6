package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.template.TemplateService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed template documents in {@code PUT /v1/templates/{id}} through the journeys handler (the
 * shapes and parts {@link TemplateRoutesTest} does not already try): each is a 4xx problem naming
 * the part, in words without library internals, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadTemplateDocumentsOverHttpTest {
  final JourneysApiFixture api;

  BadTemplateDocumentsOverHttpTest() throws Exception {
    api = new JourneysApiFixture();
  }

  @AfterAll
  void close() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "::",
      value = {
        "not JSON :: / :: email: {subject: Hi}",
        "an array :: / :: []",
        "a string :: / :: \"hello\"",
        "no channel at all :: / :: {\"sample\":{\"profile\":{}}}",
        "email not an object :: /email :: {\"email\":\"Hi\"}",
        "email with neither html nor text :: /email/html :: {\"email\":{\"subject\":\"Hi\"}}",
        "a blank sms body :: /sms/body :: {\"sms\":{\"body\":\"  \"}}",
        "push title not a string :: /push/title :: {\"push\":{\"title\":[],\"body\":\"Hi\"}}",
        "push title broken Liquid :: /push/title :: {\"push\":{\"title\":\"{{ x\",\"body\":\"Hi\"}}",
        "unknown push field :: /push/image :: {\"push\":{\"body\":\"Hi\",\"image\":\"x.png\"}}",
        "unknown sample field :: /sample/colour :: {\"sms\":{\"body\":\"Hi\"},\"sample\":{\"colour\":{}}}",
        "sample not an object :: /sample :: {\"sms\":{\"body\":\"Hi\"},\"sample\":[]}",
        "sample event not an object :: /sample/event :: {\"sms\":{\"body\":\"Hi\"},\"sample\":{\"event\":1}}",
        "repeated key :: / :: {\"sms\":{\"body\":\"Hi\"},\"sms\":{\"body\":\"Ho\"}}",
      })
  void aBadTemplateIsRefusedNamingThePartAndNothingIsStored(String why, String field, String body) {
    JourneysApiFixture.Answer answer = put("bad", body);

    assertThat(answer.status()).as("%s: %s", why, answer.body()).isEqualTo(400);
    assertRefused(answer, why, field);
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedNamingTheBody() {
    String text = "x".repeat(TemplateService.MAX_DOCUMENT_BYTES);
    JourneysApiFixture.Answer answer =
        put(
            "bad",
            "{\"sms\":{\"body\":\"Hi\"},\"email\":{\"subject\":\"Hi\",\"text\":\"" + text + "\"}}");

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(413);
    assertRefused(answer, "too large", "/");
    String under = "x".repeat(TemplateService.MAX_DOCUMENT_BYTES - 200);
    assertThat(put("big", "{\"email\":{\"subject\":\"Hi\",\"text\":\"" + under + "\"}}").status())
        .as("just under the limit")
        .isEqualTo(200);
  }

  private void assertRefused(JourneysApiFixture.Answer answer, String why, String field) {
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("errors").findValuesAsText("field")).as(why).contains(field);
    assertThat(answer.body().toString())
        .as(why)
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("liqp")
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain("antlr");
    assertThat(api.call("GET /v1/templates/{id}", Map.of("id", "bad"), Map.of()).status())
        .as(why)
        .isEqualTo(404);
  }

  private JourneysApiFixture.Answer put(String id, String body) {
    return api.call("PUT /v1/templates/{id}", Map.of("id", id), Map.of(), body);
  }
}
