package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.ClasspathTemplates;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.TemplateRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Build-time validation of every journey in statemachines/: journey.yaml parses; every send step of
 * the state machine names a template that exists beside the journey, has a version for each of the
 * step's channels, and renders strictly with the journey's sample data (a variable the data lacks
 * fails here, not in an inbox); the only task functions used are Waymark's. (asl-validator checks
 * the ASL itself in scripts/check-template.sh.)
 */
class ShippedJourneysTest {
  static final Set<String> TASK_FUNCTIONS =
      Set.of("${SendFunctionArn}", "${AwaitFunctionArn}", "${ProfileFactsFunctionArn}");
  private final ClassLoader loader = getClass().getClassLoader();
  private final ClasspathTemplates templates = new ClasspathTemplates(loader);
  private final TemplateRenderer renderer = templates.renderer();

  @Test
  void everyShippedJourneyIsValid() {
    List<JourneyDefinition> journeys = ClasspathJourneys.load(loader);
    assertThat(journeys)
        .extracting(JourneyDefinition::id)
        .contains(
            "action-based-engagement",
            "lease-renewal",
            "configuration-reminder",
            "test-drive",
            "car-loan",
            "loan-application",
            "abandoned-cart",
            "welcome-double-opt-in",
            "payment-reminders");
    List<String> problems = new ArrayList<>();
    for (JourneyDefinition journey : journeys) {
      JsonNode asl =
          Json.parse(
              ClasspathJourneys.readOptional(
                  loader, ClasspathJourneys.ROOT + "/" + journey.id() + "/definition.asl.json"));
      asl.path("States")
          .fields()
          .forEachRemaining(state -> check(journey, state.getKey(), state.getValue(), problems));
    }
    assertThat(problems).isEmpty();
  }

  private void check(
      JourneyDefinition journey, String name, JsonNode state, List<String> problems) {
    JsonNode function = state.path("Parameters").path("FunctionName");
    if (function.isMissingNode()) {
      return;
    }
    if (!TASK_FUNCTIONS.contains(function.asText())) {
      problems.add(
          journey.id()
              + "/"
              + name
              + ": calls "
              + function.asText()
              + ", not a Waymark task function");
      return;
    }
    JsonNode payload = state.path("Parameters").path("Payload");
    if (function.asText().equals("${SendFunctionArn}")) {
      checkSend(journey, name, payload, problems);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkSend(
      JourneyDefinition journey, String name, JsonNode payload, List<String> problems) {
    String templateName = payload.path("template").asText();
    MessageTemplate template = templates.find(journey.id(), templateName).orElse(null);
    if (template == null) {
      problems.add(journey.id() + "/" + name + ": no template " + templateName);
      return;
    }
    Map<String, Object> data = new HashMap<>();
    data.put("profile", Json.MAPPER.convertValue(journey.sample().path("profile"), Map.class));
    data.put("event", Json.MAPPER.convertValue(journey.sample().path("event"), Map.class));
    data.put("data", Json.MAPPER.convertValue(journey.sample().path("data"), Map.class));
    data.put("journey", Map.of("id", journey.id()));
    data.put("unsubscribeUrl", "https://example.com/v1/unsubscribe?token=sample");
    data.put("address", "sample@example.com");
    data.values().removeIf(v -> v == null);
    for (JsonNode channel : payload.path("channels")) {
      Channel c = Channel.valueOf(channel.asText());
      if (!template.supports(c)) {
        problems.add(
            journey.id() + "/" + name + ": template " + templateName + " has no " + c + " version");
        continue;
      }
      try {
        renderer.render(template, c, data);
      } catch (RuntimeException e) {
        problems.add(e.getMessage());
      }
    }
  }
}
