package dev.waymark.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateDocument;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore.StoredTemplate;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.send.Reachability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/templates/{id}/preview}: every channel of a template version rendered against a
 * person's profile ({@code {profileId}}, with the template's sample event) or given data ({@code
 * {data:{profile, event, data}}}). A variable the data lacks is rendered blank and listed in {@code
 * missing}, so the whole message shows with its gaps.
 */
public record TemplatePreviews(TemplateRenderer renderer, ProfileService profiles) {
  /** A variable a part uses that the data does not have. */
  public record Missing(String part, String variable) {}

  /** The rendered channels (document field names), the gaps, and parts that failed outright. */
  public record Preview(
      StoredTemplate template,
      Map<String, Map<String, String>> channels,
      List<Missing> missing,
      List<FieldError> errors) {}

  Preview preview(StoredTemplate stored, JsonNode request) {
    JsonNode profileId = request.get("profileId");
    JsonNode given = request.get("data");
    if ((profileId == null) == (given == null)) {
      throw ProblemException.invalidField(
          "/profileId", "give either profileId or data ({profile, event, data}), not both");
    }
    Optional<Profile> person = Optional.empty();
    Map<String, Object> base;
    if (profileId != null) {
      if (!profileId.isTextual()) {
        throw ProblemException.invalidField("/profileId", "must be a profile id");
      }
      Identifiers.require("/profileId", profileId.asText(), Identifiers.MAX_ID_CHARS);
      person = profiles.resolve(profileId.asText());
      if (person.isEmpty()) {
        throw ProblemException.invalidField("/profileId", "no profile with this id");
      }
      base = null;
    } else {
      checkData(given);
      base = TemplateData.fromSample(given);
    }
    MessageTemplate template = stored.template();
    Map<String, Map<String, String>> channels = new LinkedHashMap<>();
    List<Missing> missing = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      if (!template.supports(channel)) {
        continue;
      }
      Map<String, Object> data =
          person.isPresent() ? personData(person.get(), stored.document(), channel) : base;
      Map<String, String> rendered = new LinkedHashMap<>();
      TemplateDocument.POINTERS.forEach(
          (part, pointer) -> {
            if (pointer.startsWith("/" + channel.name() + "/")
                && template.parts().containsKey(part)) {
              String text = part(template.parts().get(part), data, pointer, missing, errors);
              if (part.equals("html") && text != null && template.layout().isPresent()) {
                text = layout(template.layout().get(), text, data, missing, errors);
              }
              rendered.put(pointer.substring(pointer.lastIndexOf('/') + 1), text);
            }
          });
      channels.put(channel.name(), rendered);
    }
    return new Preview(stored, channels, missing, errors);
  }

  private static void checkData(JsonNode given) {
    if (!given.isObject()) {
      throw ProblemException.invalidField("/data", "must be an object {profile, event, data}");
    }
    for (String field : List.of("profile", "event", "data")) {
      JsonNode value = given.get(field);
      if (value != null && !value.isNull() && !value.isObject()) {
        throw ProblemException.invalidField("/data/" + field, "must be an object");
      }
    }
  }

  private static Map<String, Object> personData(
      Profile profile, TemplateDocument document, Channel channel) {
    Reachability.Address address = Reachability.of(profile, channel);
    return TemplateData.of(
        profile,
        document.sample().path("event"),
        document.sample().path("data"),
        "preview",
        TemplateData.SAMPLE_UNSUBSCRIBE_URL,
        address instanceof Reachability.Reachable r ? r.address() : "");
  }

  private String part(
      String source,
      Map<String, Object> data,
      String pointer,
      List<Missing> missing,
      List<FieldError> errors) {
    try {
      TemplateRenderer.Lenient result = renderer.renderReportingMissing(source, data);
      result.missing().forEach(v -> missing.add(new Missing(pointer, v)));
      return result.text();
    } catch (RuntimeException e) {
      errors.add(new FieldError(pointer, TemplateRenderer.explain(e)));
      return null;
    }
  }

  private String layout(
      String name,
      String content,
      Map<String, Object> data,
      List<Missing> missing,
      List<FieldError> errors) {
    Optional<String> layout = renderer.layout(name);
    if (layout.isEmpty()) {
      errors.add(new FieldError("/layout", "no shared layout named " + name));
      return content;
    }
    Map<String, Object> withContent = new HashMap<>(data);
    withContent.put("content", content);
    return part(layout.get(), withContent, "/layout", missing, errors);
  }
}
