package dev.waymark.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateDocumentsTest {
  private final TemplateRenderer renderer =
      new TemplateRenderer(
          name ->
              name.equals("brand") ? Optional.of("<main>{{ content }}</main>") : Optional.empty());

  @Test
  void theHashIgnoresKeyOrderAndTheDocumentRoundTrips() {
    TemplateDocument a =
        TemplateDocuments.validate(
            Json.parse(
                "{\"sms\":{\"body\":\"Hi {{ profile.n }}\"},\"sample\":{\"profile\":{\"n\":1,\"m\":2}}}"),
            renderer);
    TemplateDocument b =
        TemplateDocuments.validate(
            Json.parse(
                "{\"sample\":{\"profile\":{\"m\":2,\"n\":1}},\"sms\":{\"body\":\"Hi {{ profile.n }}\"}}"),
            renderer);
    assertThat(a.hash()).isEqualTo(b.hash());
    assertThat(TemplateDocuments.read(a.toJson())).isEqualTo(a);
    assertThat(a.template("t").supports(Channel.sms)).isTrue();
  }

  @Test
  void everyFailingPartIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                TemplateDocuments.validate(
                    Json.parse(
                        "{\"layout\":\"brand\",\"email\":{\"subject\":\"{{ a }}\",\"html\":\"{{ b | nope }}\"},"
                            + "\"push\":{\"title\":\"{% if %}\",\"body\":\"ok\"}}"),
                    renderer))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(FieldError::field)
                    .containsExactly("/email/html", "/email/subject", "/push/title"));
  }

  @Test
  void aPreviewRendersMissingVariablesBlankAndListsThem() {
    TemplateRenderer.Lenient result =
        renderer.renderReportingMissing(
            "{{ profile.a }}-{{ profile.b.c }}-{{ profile.d | default: 'x' }}",
            java.util.Map.of("profile", java.util.Map.of("a", "A")));
    assertThat(result.text()).isEqualTo("A--x");
    assertThat(result.missing()).containsExactly("profile.b.c");
  }
}
