package dev.waymark.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final TemplateRenderer renderer =
      new TemplateRenderer(
          name ->
              name.equals("brand") ? Optional.of("<main>{{ content }}</main>") : Optional.empty());

  private MessageTemplate template(Map<String, String> parts, String layout) {
    return new MessageTemplate("journey", "t", parts, Optional.ofNullable(layout));
  }

  @Test
  void rendersEmailWithTheSharedLayout() {
    RenderedMessage m =
        renderer.render(
            template(
                Map.of("subject", "Hi {{ profile.firstName }}", "html", "<p>{{ data.x }}</p>"),
                "brand"),
            Channel.email,
            Map.of("profile", Map.of("firstName", "Sarah"), "data", Map.of("x", 42)));
    assertThat(m.subject()).isEqualTo("Hi Sarah");
    assertThat(m.html()).isEqualTo("<main><p>42</p></main>");
  }

  @Test
  void aMissingVariableIsAnErrorNamingTemplatePartAndVariable() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    template(Map.of("sms", "Hi {{ profile.firstName }}"), null),
                    Channel.sms,
                    Map.of("profile", Map.of())))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("journey/templates/t (sms)")
        .hasMessageContaining("firstName");
  }

  @Test
  void aVariableWithADefaultMayBeMissing() {
    RenderedMessage m =
        renderer.render(
            template(Map.of("sms", "Hi {{ profile.firstName | default: 'there' }}"), null),
            Channel.sms,
            Map.of("profile", Map.of()));
    assertThat(m.text()).isEqualTo("Hi there");
  }

  @Test
  void anUnknownLayoutIsAnError() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    template(Map.of("subject", "s", "html", "h"), "nope"), Channel.email, Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("no shared layout named nope");
  }
}
