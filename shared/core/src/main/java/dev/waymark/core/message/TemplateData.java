package dev.waymark.core.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables Liquid sees in a journey's templates and webhook bodies: {@code profile} (the
 * traits, {@code id}, and the traits again under {@code traits}), {@code event} (the entry event),
 * {@code data} (what the step was given: the journey version, earlier webhook responses) and {@code
 * journey.id}.
 */
public final class TemplateData {
  private TemplateData() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(
      Profile profile, ObjectNode entry, ObjectNode data, String journeyId) {
    Map<String, Object> traits = Json.MAPPER.convertValue(profile.traits().values(), Map.class);
    Map<String, Object> person = new HashMap<>(traits);
    person.put("id", profile.id());
    person.putIfAbsent("traits", traits);
    Map<String, Object> variables = new HashMap<>();
    variables.put("profile", person);
    variables.put("event", entry == null ? Map.of() : Json.MAPPER.convertValue(entry, Map.class));
    variables.put("data", data == null ? Map.of() : Json.MAPPER.convertValue(data, Map.class));
    variables.put("journey", Map.of("id", journeyId));
    return variables;
  }
}
