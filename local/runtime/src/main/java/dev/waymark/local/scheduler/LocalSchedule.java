package dev.waymark.local.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One schedule as the Scheduler API describes it ({@code definition}: the CreateSchedule body),
 * with its parsed expression and the last occurrence fired.
 */
record LocalSchedule(
    String group,
    String name,
    ObjectNode definition,
    ScheduleExpression expression,
    Instant created,
    Instant modified,
    Instant lastFired) {

  String arn() {
    return "arn:aws:scheduler:us-east-1:000000000000:schedule/" + group + "/" + name;
  }

  String targetArn() {
    return definition.path("Target").path("Arn").asText();
  }

  String input() {
    return definition.path("Target").path("Input").asText("{}");
  }

  boolean enabled() {
    return !"DISABLED".equals(definition.path("State").asText("ENABLED"));
  }

  boolean deleteAfterCompletion() {
    return "DELETE".equals(definition.path("ActionAfterCompletion").asText("NONE"));
  }

  LocalSchedule fired(Instant at) {
    return new LocalSchedule(group, name, definition, expression, created, modified, at);
  }
}
