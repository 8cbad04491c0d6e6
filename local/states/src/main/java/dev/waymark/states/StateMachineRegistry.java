package dev.waymark.states;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * State machines, their published versions and aliases (package-private storage behind {@link
 * StatesEngine}).
 */
final class StateMachineRegistry {
  static final class Machine {
    final String arn;
    final String name;
    final StateMachineType type;
    final Instant created;
    String definition;
    String roleArn;
    String revisionId;
    String description;
    final List<Version> versions = new ArrayList<>();
    final Map<String, Alias> aliases = new LinkedHashMap<>();

    Machine(
        String arn,
        String name,
        StateMachineType type,
        Instant created,
        String definition,
        String roleArn) {
      this.arn = arn;
      this.name = name;
      this.type = type;
      this.created = created;
      this.definition = definition;
      this.roleArn = roleArn;
      this.revisionId = UUID.randomUUID().toString();
    }
  }

  record Version(
      String arn,
      int number,
      String definition,
      String roleArn,
      String revisionId,
      String description,
      Instant created) {}

  /** An alias routes to one or two versions by weight (percent). */
  record Alias(
      String arn,
      String name,
      Map<String, Integer> routing,
      String description,
      Instant created,
      Instant updated) {}

  private final Map<String, Machine> machines = new LinkedHashMap<>();

  synchronized Machine put(Machine m) {
    machines.put(m.arn, m);
    return m;
  }

  synchronized Machine byArn(String arn) {
    return machines.get(arn);
  }

  synchronized Machine byName(String name) {
    return machines.values().stream().filter(m -> m.name.equals(name)).findFirst().orElse(null);
  }

  synchronized void remove(String arn) {
    machines.remove(arn);
  }

  synchronized List<Machine> all() {
    return List.copyOf(machines.values());
  }

  /**
   * Resolves a state machine, version or alias ARN to its machine (base ARN is the part before a
   * qualifier).
   */
  synchronized Machine owner(String arn) {
    Machine m = machines.get(arn);
    if (m != null) {
      return m;
    }
    int idx = arn.lastIndexOf(':');
    return idx > 0 ? machines.get(arn.substring(0, idx)) : null;
  }
}
