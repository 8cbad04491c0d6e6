package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendWindow;
import java.util.List;
import java.util.Optional;

/**
 * The task payloads of a compiled journey: the contract with the task functions (docs/journeys.md
 * and the shared spec, §3). Fields keep the order of the hand-written definitions they replace.
 */
final class Payloads {
  private Payloads() {}

  /** A send: {@code {runId, journeyId, profileId, stepId, channels, template, ...}}. */
  static ObjectNode send(
      Step.Send step,
      String stepId,
      List<Channel> channels,
      Optional<String> templateVersion,
      boolean withWebhooks) {
    ObjectNode p = Json.object();
    p.put("runId", Expr.run("runId"));
    p.put("journeyId", Expr.run("journeyId"));
    p.put("profileId", Expr.run("profileId"));
    p.put("stepId", stepId);
    ArrayNode list = p.putArray("channels");
    channels.forEach(c -> list.add(c.name()));
    p.put("template", Expr.literal(step.template()));
    templateVersion.ifPresent(v -> p.put("templateVersion", v));
    step.topic().ifPresent(t -> p.put("topic", Expr.literal(t)));
    step.codePool().ifPresent(pool -> p.put("codePool", Expr.literal(pool)));
    p.put("entry", Expr.run("entry"));
    if (withWebhooks) {
      p.put("data", Expr.of("{'version': " + Expr.RUN + ".version, 'webhooks': $webhooks}"));
    } else {
      p.putObject("data").put("version", Expr.run("version"));
    }
    window(step.window()).ifPresent(w -> p.set("window", w));
    return p;
  }

  private static Optional<com.fasterxml.jackson.databind.JsonNode> window(SendWindow window) {
    if (window.equals(SendWindow.DEFAULT)) {
      return Optional.empty();
    }
    if (window.equals(SendWindow.ANY_TIME)) {
      return Optional.of(Json.MAPPER.getNodeFactory().textNode("any"));
    }
    ObjectNode w = Json.object();
    w.put("from", window.from().toString());
    w.put("to", window.to().toString());
    return Optional.of(w);
  }

  /** A waitFor registration, made with the task token; {@code timeoutSeconds} as in the state. */
  static ObjectNode await(Step.WaitFor step, Object timeoutSeconds) {
    ObjectNode p = Json.object();
    p.put("taskToken", Expr.of("$states.context.Task.Token"));
    runFields(p, step.id());
    p.put("event", Expr.literal(step.event().event()));
    if (!step.event().filters().isEmpty()) {
      p.set("filters", filters(step.event().filters()));
    }
    if (timeoutSeconds instanceof Long seconds) {
      p.put("timeoutSeconds", seconds);
    } else {
      p.put("timeoutSeconds", (String) timeoutSeconds);
    }
    step.correlate()
        .ifPresent(
            field ->
                p.putObject("correlate")
                    .put("field", Expr.literal(field))
                    .put("value", Expr.run("entry." + field)));
    return p;
  }

  /** The cancel call of a timed-out waitFor. */
  static ObjectNode cancel(Step.WaitFor step) {
    ObjectNode p = Json.object();
    p.put("action", "cancel");
    runFields(p, step.id());
    return p;
  }

  /**
   * A call to the steps function: {@code {action, runId, ..., stepId, entry}}; callers add more.
   */
  static ObjectNode step(String action, String stepId) {
    ObjectNode p = Json.object();
    p.put("action", action);
    runFields(p, stepId);
    p.put("entry", Expr.run("entry"));
    return p;
  }

  private static void runFields(ObjectNode p, String stepId) {
    p.put("runId", Expr.run("runId"));
    p.put("journeyId", Expr.run("journeyId"));
    p.put("version", Expr.run("version"));
    p.put("profileId", Expr.run("profileId"));
    p.put("stepId", stepId);
  }

  /** A filter's value, when it has one ({@code exists} may have none). */
  static void value(ObjectNode filter, com.fasterxml.jackson.databind.JsonNode value) {
    if (value != null && !value.isNull() && !value.isMissingNode()) {
      filter.set("value", Expr.literals(value));
    }
  }

  static ArrayNode filters(List<FieldFilter> filters) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (FieldFilter f : filters) {
      ObjectNode o = out.addObject().put("field", Expr.literal(f.field())).put("op", f.op().key());
      value(o, f.value());
    }
    return out;
  }
}
