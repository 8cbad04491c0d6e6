package dev.waymark.states;

import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.clock.EngineClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state machine operations of the Step Functions API: state machines, their published versions
 * and their aliases (CreateStateMachine, PublishStateMachineVersion, CreateStateMachineAlias, ...).
 * API errors are thrown as {@link StatesApiException} with AWS's error code.
 */
public final class StateMachines {
  private final StateMachineRegistry machines = new StateMachineRegistry();
  private final EngineClock clock;
  private final Account account;
  private final String defaultRoleArn;

  StateMachines(EngineClock clock, Account account) {
    this.clock = clock;
    this.account = account;
    this.defaultRoleArn = "arn:aws:iam::" + account.id() + ":role/waymark-local-states";
  }

  /** What an execution of a state machine, version or alias ARN runs. */
  record Target(
      String machineArn,
      String machineName,
      StateMachineType type,
      String versionArn,
      String aliasArn,
      String definition,
      String roleArn) {}

  public StateMachineInfo createStateMachine(String name, String definition) {
    return createStateMachine(name, definition, null, StateMachineType.STANDARD, false, null);
  }

  /** CreateStateMachine; {@code publish} also publishes version 1. */
  public synchronized StateMachineInfo createStateMachine(
      String name,
      String definition,
      String roleArn,
      StateMachineType type,
      boolean publish,
      String versionDescription) {
    StateMachineType t = type == null ? StateMachineType.STANDARD : type;
    if (versionDescription != null && !publish) {
      throw new StatesApiException(
          "ValidationException", "Version description can only be set when publish is true");
    }
    DefinitionValidator.validateOrThrow(definition, t);
    String arn = account.arn("stateMachine:" + ApiInputs.validName(name));
    StateMachineRegistry.Machine existing = machines.byArn(arn);
    if (existing != null) {
      if (existing.definition.equals(definition) && existing.type == t) {
        return describeStateMachine(arn);
      }
      throw new StatesApiException(
          "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    var m =
        machines.put(
            new StateMachineRegistry.Machine(
                arn, name, t, clock.now(), definition, roleArn == null ? defaultRoleArn : roleArn));
    if (publish) {
      publish(m, versionDescription);
    }
    return describeStateMachine(arn);
  }

  /**
   * UpdateStateMachine; null arguments keep the current value. Returns the new version ARN when
   * published.
   */
  public synchronized String updateStateMachine(
      String arn, String definition, String roleArn, boolean publish, String versionDescription) {
    var m = machine(arn);
    if (definition == null && roleArn == null) {
      throw new StatesApiException(
          "MissingRequiredParameter",
          "Either the definition, the role ARN, the "
              + "LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (definition != null) {
      DefinitionValidator.validateOrThrow(definition, m.type);
      m.definition = definition;
    }
    if (roleArn != null) {
      m.roleArn = roleArn;
    }
    m.revisionId = UUID.randomUUID().toString();
    return publish ? publish(m, versionDescription) : null;
  }

  public synchronized StateMachineInfo describeStateMachine(String arn) {
    var m = machine(arn);
    var v = arn.equals(m.arn) ? null : version(m, arn);
    if (!arn.equals(m.arn) && v == null) {
      throw doesNotExist(arn);
    }
    String latest = m.versions.isEmpty() ? null : m.versions.get(m.versions.size() - 1).arn();
    if (v != null) {
      return new StateMachineInfo(
          v.arn(),
          m.name,
          v.definition(),
          m.type,
          v.roleArn(),
          v.created(),
          v.revisionId(),
          v.description(),
          latest);
    }
    return new StateMachineInfo(
        m.arn,
        m.name,
        m.definition,
        m.type,
        m.roleArn,
        m.created,
        m.revisionId,
        m.description,
        latest);
  }

  public synchronized List<StateMachineInfo> listStateMachines() {
    return machines.all().stream().map(m -> describeStateMachine(m.arn)).toList();
  }

  public synchronized void deleteStateMachine(String arn) {
    machines.remove(arn);
  }

  // ---------------------------------------------------------------- versions

  /**
   * PublishStateMachineVersion: returns the version ARN (unchanged revision returns the latest
   * version).
   */
  public synchronized String publishStateMachineVersion(String arn, String description) {
    return publish(machine(arn), description);
  }

  private String publish(StateMachineRegistry.Machine m, String description) {
    if (!m.versions.isEmpty()
        && m.versions.get(m.versions.size() - 1).revisionId().equals(m.revisionId)) {
      return m.versions.get(m.versions.size() - 1).arn();
    }
    int n = m.versions.isEmpty() ? 1 : m.versions.get(m.versions.size() - 1).number() + 1;
    var v =
        new StateMachineRegistry.Version(
            m.arn + ":" + n, n, m.definition, m.roleArn, m.revisionId, description, clock.now());
    m.versions.add(v);
    return v.arn();
  }

  public synchronized List<String> listStateMachineVersions(String arn) {
    List<String> out = new ArrayList<>();
    machine(arn).versions.forEach(v -> out.add(0, v.arn()));
    return out;
  }

  public synchronized void deleteStateMachineVersion(String versionArn) {
    var m = machines.owner(versionArn);
    if (m != null) {
      for (var a : m.aliases.values()) {
        if (a.routing().containsKey(versionArn)) {
          throw new StatesApiException(
              "ConflictException", "Version is referenced by alias " + a.arn());
        }
      }
      m.versions.removeIf(v -> v.arn().equals(versionArn));
    }
  }

  // ---------------------------------------------------------------- aliases

  /** CreateStateMachineAlias: routing maps version ARNs to weights (percent, summing to 100). */
  public synchronized String createStateMachineAlias(
      String name, Map<String, Integer> routing, String description) {
    String first = routing.keySet().iterator().next();
    var m = machines.owner(first);
    if (m == null || version(m, first) == null) {
      throw new StatesApiException("ResourceNotFound", "Version does not exist: " + first);
    }
    String arn = m.arn + ":" + name;
    if (m.aliases.containsKey(name)) {
      throw new StatesApiException("ConflictException", "Alias already exists: " + arn);
    }
    var now = clock.now();
    m.aliases.put(
        name, new StateMachineRegistry.Alias(arn, name, ordered(routing), description, now, now));
    return arn;
  }

  public synchronized void updateStateMachineAlias(String aliasArn, Map<String, Integer> routing) {
    var a = alias(aliasArn);
    machine(aliasArn)
        .aliases
        .put(
            a.name(),
            new StateMachineRegistry.Alias(
                a.arn(), a.name(), ordered(routing), a.description(), a.created(), clock.now()));
  }

  /** DescribeStateMachineAlias with description and dates (routing in the order it was given). */
  public synchronized StateMachineAliasInfo describeStateMachineAliasInfo(String aliasArn) {
    var a = alias(aliasArn);
    return new StateMachineAliasInfo(
        a.arn(), a.name(), a.routing(), a.description(), a.created(), a.updated());
  }

  /** The routing (version ARN to weight) of an alias. */
  public synchronized Map<String, Integer> describeStateMachineAlias(String aliasArn) {
    return alias(aliasArn).routing();
  }

  public synchronized void deleteStateMachineAlias(String aliasArn) {
    var m = machines.owner(aliasArn);
    if (m != null) {
      m.aliases.remove(qualifier(aliasArn));
    }
  }

  /** The alias ARNs of a state machine. */
  public synchronized List<String> listStateMachineAliases(String arn) {
    return machine(arn).aliases.values().stream().map(StateMachineRegistry.Alias::arn).toList();
  }

  // ---------------------------------------------------------------- for executions

  /** The type of the state machine an ARN (of it, a version or an alias) belongs to. */
  synchronized StateMachineType type(String arn) {
    return machine(arn).type;
  }

  /** What an execution started on a state machine, version or alias ARN runs. */
  synchronized Target resolve(String arn) {
    var m = machine(arn);
    if (arn.equals(m.arn)) {
      return new Target(m.arn, m.name, m.type, null, null, m.definition, m.roleArn);
    }
    var alias = m.aliases.get(qualifier(arn));
    String versionArn = alias != null ? route(alias) : arn;
    var v = version(m, versionArn);
    if (v == null) {
      throw doesNotExist(arn);
    }
    return new Target(
        m.arn,
        m.name,
        m.type,
        versionArn,
        alias != null ? alias.arn() : null,
        v.definition(),
        v.roleArn());
  }

  private static String route(StateMachineRegistry.Alias alias) {
    int roll = ThreadLocalRandom.current().nextInt(100);
    int acc = 0;
    String last = null;
    for (var e : alias.routing().entrySet()) {
      acc += e.getValue();
      last = e.getKey();
      if (roll < acc) {
        return e.getKey();
      }
    }
    return last;
  }

  private StateMachineRegistry.Machine machine(String arn) {
    var m = machines.owner(arn);
    if (m == null) {
      throw doesNotExist(arn);
    }
    return m;
  }

  private StateMachineRegistry.Alias alias(String aliasArn) {
    var a = machine(aliasArn).aliases.get(qualifier(aliasArn));
    if (a == null) {
      throw new StatesApiException("ResourceNotFound", "Alias does not exist: " + aliasArn);
    }
    return a;
  }

  private static StatesApiException doesNotExist(String arn) {
    return new StatesApiException(
        "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  private static String qualifier(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }

  private static Map<String, Integer> ordered(Map<String, Integer> routing) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(routing));
  }

  private static StateMachineRegistry.Version version(StateMachineRegistry.Machine m, String arn) {
    return m.versions.stream().filter(v -> v.arn().equals(arn)).findFirst().orElse(null);
  }
}
