package dev.waymark.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.ProblemException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which faults the local runtime injects, at which rates, from which seed. Each target has two
 * kinds of fault with a rate from 0 to 1 each (their sum at most 1); {@code operations} narrows a
 * target to some operations (DynamoDB: {@code TransactWriteItems}, ...; tasks: the function names
 * of template.yaml, e.g. {@code SendFunction}); empty means all.
 *
 * <pre>{"seed": 42,
 *  "dynamodb": {"throttleRate": 0.05, "errorRate": 0.05, "operations": ["TransactWriteItems"]},
 *  "tasks": {"failureRate": 0.05, "timeoutRate": 0.05},
 *  "ses": {"throttleRate": 0.05, "errorRate": 0.05},
 *  "sns": {"throttleRate": 0.05, "errorRate": 0.05}}</pre>
 */
public record FaultPlan(long seed, Map<Target, Rates> targets) {
  /** What faults can be injected into. */
  public enum Target {
    DYNAMODB("dynamodb", "throttleRate", "errorRate"),
    TASKS("tasks", "failureRate", "timeoutRate"),
    SES("ses", "throttleRate", "errorRate"),
    SNS("sns", "throttleRate", "errorRate");

    final String key;
    final String firstRate;
    final String secondRate;

    Target(String key, String firstRate, String secondRate) {
      this.key = key;
      this.firstRate = firstRate;
      this.secondRate = secondRate;
    }

    public String key() {
      return key;
    }
  }

  /**
   * The rates of a target's two kinds of fault (throttle and error; for tasks failure and timeout),
   * and the operations it applies to (empty: all).
   */
  public record Rates(double first, double second, Set<String> operations) {
    boolean appliesTo(String operation) {
      return operations.isEmpty() || operations.contains(operation);
    }
  }

  public static FaultPlan none() {
    return new FaultPlan(0, Map.of());
  }

  public Rates rates(Target target) {
    return targets.getOrDefault(target, new Rates(0, 0, Set.of()));
  }

  /** Reads a plan; anything wrong is a 400 problem naming the field. */
  public static FaultPlan parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("", "a JSON object is required");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("seed")
          && List.of(Target.values()).stream().noneMatch(t -> t.key.equals(name))) {
        throw ProblemException.invalidField(
            "/" + name, "unknown; expected seed, dynamodb, tasks, ses or sns");
      }
    }
    JsonNode seed = body.path("seed");
    if (!seed.isMissingNode() && !seed.canConvertToLong()) {
      throw ProblemException.invalidField("/seed", "must be a whole number");
    }
    Map<Target, Rates> targets = new java.util.EnumMap<>(Target.class);
    for (Target target : Target.values()) {
      JsonNode node = body.get(target.key);
      if (node != null) {
        targets.put(target, rates(target, node));
      }
    }
    return new FaultPlan(seed.isMissingNode() ? 0 : seed.asLong(), Map.copyOf(targets));
  }

  private static Rates rates(Target target, JsonNode node) {
    String at = "/" + target.key;
    if (!node.isObject()) {
      throw ProblemException.invalidField(at, "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of(target.firstRate, target.secondRate, "operations").contains(name)) {
        throw ProblemException.invalidField(
            at + "/" + name,
            "unknown; expected " + target.firstRate + ", " + target.secondRate + " or operations");
      }
    }
    double first = rate(node, target.firstRate, at);
    double second = rate(node, target.secondRate, at);
    if (first + second > 1.0) {
      throw ProblemException.invalidField(
          at, target.firstRate + " + " + target.secondRate + " must be at most 1");
    }
    Set<String> operations = new TreeSet<>();
    JsonNode ops = node.path("operations");
    if (!ops.isMissingNode()) {
      if (!ops.isArray()) {
        throw ProblemException.invalidField(at + "/operations", "must be an array of names");
      }
      for (int i = 0; i < ops.size(); i++) {
        if (!ops.get(i).isTextual() || ops.get(i).asText().isBlank()) {
          throw ProblemException.invalidField(at + "/operations/" + i, "must be a name");
        }
        operations.add(ops.get(i).asText());
      }
    }
    return new Rates(first, second, Set.copyOf(operations));
  }

  private static double rate(JsonNode node, String name, String at) {
    JsonNode value = node.path(name);
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw ProblemException.invalidField(at + "/" + name, "must be a number from 0 to 1");
    }
    return value.asDouble();
  }
}
