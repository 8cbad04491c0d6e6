package dev.waymark.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a template renders with (see docs/templates.md): {@code profile} (the person's
 * traits and {@code id}, the traits also under {@code profile.traits}), {@code event} (the event
 * that started the run), {@code data} (the send's data: the journey {@code version}, {@code
 * webhooks} answers), {@code journey.id}, {@code unsubscribeUrl}, {@code confirmUrl} (an email's
 * address-confirmation link) and {@code address} (where the message goes).
 */
public final class TemplateData {
  /** What {@code unsubscribeUrl} and {@code address} are when rendering a sample. */
  public static final String SAMPLE_UNSUBSCRIBE_URL =
      "https://example.com/v1/unsubscribe?token=sample";

  public static final String SAMPLE_ADDRESS = "sample@example.com";

  /**
   * What {@code confirmUrl} (an email's signed address-confirmation link, docs/clicks.md) is when
   * rendering a sample; a send sets the real one.
   */
  public static final String SAMPLE_CONFIRM_URL = "https://example.com/v1/confirm?token=sample";

  private TemplateData() {}

  /** The variables of a send to a person. */
  public static Map<String, Object> of(
      Profile profile,
      JsonNode event,
      JsonNode data,
      String journeyId,
      String unsubscribeUrl,
      String address) {
    Map<String, Object> person = map(profile.traits().values());
    person.put("id", profile.id());
    person.putIfAbsent("traits", map(profile.traits().values()));
    return variables(person, event, data, journeyId, unsubscribeUrl, address);
  }

  /**
   * The variables of a render that is not a message (a webhook body): no unsubscribe, no address.
   */
  public static Map<String, Object> of(
      Profile profile, JsonNode event, JsonNode data, String journeyId) {
    Map<String, Object> variables = of(profile, event, data, journeyId, null, null);
    variables.remove("unsubscribeUrl");
    variables.remove("address");
    variables.remove("confirmUrl");
    return variables;
  }

  /** The variables of a template's sample ({@code {profile, event, data}}). */
  public static Map<String, Object> fromSample(JsonNode sample) {
    Map<String, Object> person = map(sample.path("profile"));
    person.putIfAbsent("traits", map(sample.path("profile")));
    return variables(
        person,
        sample.path("event"),
        sample.path("data"),
        "sample",
        SAMPLE_UNSUBSCRIBE_URL,
        SAMPLE_ADDRESS);
  }

  private static Map<String, Object> variables(
      Map<String, Object> profile,
      JsonNode event,
      JsonNode data,
      String journeyId,
      String unsubscribeUrl,
      String address) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("profile", profile);
    variables.put("event", map(event));
    variables.put("data", map(data));
    variables.put("journey", Map.of("id", journeyId));
    variables.put("unsubscribeUrl", unsubscribeUrl);
    variables.put("address", address);
    variables.put("confirmUrl", SAMPLE_CONFIRM_URL);
    return variables;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return node == null || !node.isObject()
        ? new HashMap<>()
        : new HashMap<>(Json.MAPPER.convertValue(node, Map.class));
  }
}
