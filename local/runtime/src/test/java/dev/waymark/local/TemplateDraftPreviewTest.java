package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/templates/{id}/preview} with {@code "document"}: an unsaved draft rendered by the
 * API (the console's preview as one types), nothing stored.
 */
class TemplateDraftPreviewTest extends LocalRuntimeFixture {

  @Test
  void anUnsavedDraftIsRenderedWithItsGapsAndNothingIsStored() {
    LocalApi.Answer preview =
        api.post(
            "/v1/templates/favorite-offer/preview",
            """
            {"document":{"email":{"subject":"{{ profile.firstName }}, still yours: {{ data.productName }}",
                                  "html":"<p>{{ profile.lastName }}</p>"}},
             "data":{"profile":{"firstName":"Sarah"},"data":{"productName":"E-V roof box"}}}""");
    assertThat(preview.status()).isEqualTo(200);
    JsonNode body = preview.body();
    assertThat(body.path("version").asInt()).isZero();
    assertThat(body.path("channels").path("email").path("subject").asText())
        .isEqualTo("Sarah, still yours: E-V roof box");
    assertThat(body.path("missing").get(0).path("variable").asText()).isEqualTo("profile.lastName");
    assertThat(api.get("/v1/templates/favorite-offer").body().path("version").asInt()).isEqualTo(1);
  }

  @Test
  void aDraftOfANewTemplateIsRenderedAndStaysUnsaved() {
    LocalApi.Answer preview =
        api.post(
            "/v1/templates/not-yet-saved/preview",
            "{\"document\":{\"sms\":{\"body\":\"Hi {{ profile.firstName }}\"}},"
                + "\"data\":{\"profile\":{\"firstName\":\"Ada\"}}}");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().path("channels").path("sms").path("body").asText())
        .isEqualTo("Hi Ada");
    assertThat(api.get("/v1/templates/not-yet-saved").status()).isEqualTo(404);
  }

  @Test
  void aBadDraftOrADraftWithAVersionIsA400NamingTheField() {
    LocalApi.Answer badShape =
        api.post(
            "/v1/templates/favorite-offer/preview",
            "{\"document\":{\"email\":{\"subject\":1}},\"data\":{}}");
    assertThat(badShape.status()).isEqualTo(400);
    assertThat(badShape.body().path("errors").get(0).path("field").asText())
        .startsWith("/email/subject");

    LocalApi.Answer both =
        api.post(
            "/v1/templates/favorite-offer/preview",
            "{\"document\":{\"sms\":{\"body\":\"x\"}},\"version\":1,\"data\":{}}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body().path("errors").get(0).path("field").asText()).isEqualTo("/version");
  }
}
