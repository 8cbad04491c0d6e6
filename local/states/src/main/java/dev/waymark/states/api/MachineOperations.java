package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StateMachineInfo;
import dev.waymark.states.StateMachineType;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * State machines, versions and aliases: the JSON shapes of the Step Functions API over {@link
 * StatesEngine}.
 */
final class MachineOperations {
  private final StatesEngine engine;
  private final AliasBook aliases = new AliasBook();

  MachineOperations(StatesEngine engine) {
    this.engine = engine;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> ops) {
    ops.put("CreateStateMachine", this::create);
    ops.put("DescribeStateMachine", this::describe);
    ops.put("ListStateMachines", this::list);
    ops.put("UpdateStateMachine", this::update);
    ops.put("DeleteStateMachine", this::delete);
    ops.put("PublishStateMachineVersion", this::publish);
    ops.put("ListStateMachineVersions", this::listVersions);
    ops.put("DeleteStateMachineVersion", this::deleteVersion);
    ops.put("CreateStateMachineAlias", this::createAlias);
    ops.put("DescribeStateMachineAlias", this::describeAlias);
    ops.put("UpdateStateMachineAlias", this::updateAlias);
    ops.put("DeleteStateMachineAlias", this::deleteAlias);
    ops.put("ListStateMachineAliases", this::listAliases);
  }

  private ObjectNode create(JsonNode rq) {
    String name = Req.required(rq, "name");
    String definition = Req.required(rq, "definition");
    StateMachineType type = type(rq);
    StateMachineInfo info =
        engine
            .machines()
            .createStateMachine(
                name,
                definition,
                Req.optional(rq, "roleArn"),
                type,
                Req.flag(rq, "publish"),
                Req.optional(rq, "versionDescription"));
    ObjectNode out = Json.object().put("stateMachineArn", info.stateMachineArn());
    out.set("creationDate", Json.epochSeconds(info.creationDate()));
    if (Req.flag(rq, "publish")) {
      out.put("stateMachineVersionArn", info.latestVersionArn());
    }
    return out;
  }

  private ObjectNode describe(JsonNode rq) {
    String arn = Arns.check(Req.required(rq, "stateMachineArn"), Arns.MACHINE);
    return describeJson(engine.machines().describeStateMachine(arn));
  }

  /**
   * DescribeStateMachine's shape (also DescribeStateMachineForExecution's, minus
   * status/type/creationDate).
   */
  static ObjectNode describeJson(StateMachineInfo info) {
    ObjectNode o =
        Json.object()
            .put("stateMachineArn", info.stateMachineArn())
            .put("name", info.name())
            .put("status", "ACTIVE")
            .put("definition", info.definition())
            .put("roleArn", info.roleArn())
            .put("type", info.type().name());
    o.set("creationDate", Json.epochSeconds(info.creationDate()));
    o.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
    o.putObject("tracingConfiguration").put("enabled", false);
    if (info.revisionId() != null) {
      o.put("revisionId", info.revisionId());
    }
    if (info.description() != null) {
      o.put("description", info.description());
    }
    return o;
  }

  private ObjectNode list(JsonNode rq) {
    return Pages.page(
        rq,
        engine.machines().listStateMachines(),
        100,
        "machines",
        "stateMachines",
        info -> {
          ObjectNode o =
              Json.object()
                  .put("stateMachineArn", info.stateMachineArn())
                  .put("name", info.name())
                  .put("type", info.type().name());
          o.set("creationDate", Json.epochSeconds(info.creationDate()));
          return o;
        },
        Json.object());
  }

  private ObjectNode update(JsonNode rq) {
    String arn = unqualified(rq);
    String version =
        engine
            .machines()
            .updateStateMachine(
                arn,
                Req.optional(rq, "definition"),
                Req.optional(rq, "roleArn"),
                Req.flag(rq, "publish"),
                Req.optional(rq, "versionDescription"));
    ObjectNode out = Json.object();
    out.set("updateDate", Json.epochSeconds(engine.clock().now()));
    out.put("revisionId", engine.machines().describeStateMachine(arn).revisionId());
    if (version != null) {
      out.put("stateMachineVersionArn", version);
    }
    return out;
  }

  private ObjectNode delete(JsonNode rq) {
    engine
        .machines()
        .deleteStateMachine(Arns.check(Req.required(rq, "stateMachineArn"), Arns.MACHINE));
    return Json.object();
  }

  private ObjectNode publish(JsonNode rq) {
    String arn = unqualified(rq);
    String revision = Req.optional(rq, "revisionId");
    if (revision != null
        && !revision.equals(engine.machines().describeStateMachine(arn).revisionId())) {
      throw new StatesApiException(
          "ConflictException",
          "Failed to publish the State Machine version for "
              + "revision "
              + revision
              + ". The current State Machine revision is "
              + engine.machines().describeStateMachine(arn).revisionId()
              + ".");
    }
    String version =
        engine.machines().publishStateMachineVersion(arn, Req.optional(rq, "description"));
    ObjectNode out = Json.object().put("stateMachineVersionArn", version);
    out.set(
        "creationDate",
        Json.epochSeconds(engine.machines().describeStateMachine(version).creationDate()));
    return out;
  }

  private ObjectNode listVersions(JsonNode rq) {
    return listQualified(
        rq,
        engine.machines()::listStateMachineVersions,
        "stateMachineVersions",
        "stateMachineVersionArn",
        v -> engine.machines().describeStateMachine(v).creationDate());
  }

  private ObjectNode deleteVersion(JsonNode rq) {
    engine
        .machines()
        .deleteStateMachineVersion(
            Arns.check(Req.required(rq, "stateMachineVersionArn"), Arns.MACHINE));
    return Json.object();
  }

  private ObjectNode createAlias(JsonNode rq) {
    String name = Req.required(rq, "name");
    if (!name.matches("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]{1,80}")) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value '"
              + name
              + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
              + "^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");
    }
    ArrayNode routing = routing(rq);
    String description = Req.optional(rq, "description");
    String machine = machineOf(routing.get(0).path("stateMachineVersionArn").asText());
    String aliasArn = machine + ":" + name;
    AliasBook.Entry known = aliases.get(aliasArn);
    if (known != null
        && known.routing().equals(routing)
        && java.util.Objects.equals(known.description(), description)) {
      return aliasCreated(aliasArn, known.created());
    }
    String arn = engine.machines().createStateMachineAlias(name, weights(routing), description);
    Instant now = engine.clock().now();
    aliases.put(arn, new AliasBook.Entry(description, routing, now, now));
    return aliasCreated(arn, now);
  }

  private static ObjectNode aliasCreated(String arn, Instant created) {
    ObjectNode out = Json.object().put("stateMachineAliasArn", arn);
    out.set("creationDate", Json.epochSeconds(created));
    return out;
  }

  private ObjectNode describeAlias(JsonNode rq) {
    String arn = aliasArn(rq);
    Map<String, Integer> routing = engine.machines().describeStateMachineAlias(arn);
    AliasBook.Entry e = aliases.get(arn);
    if (e == null) {
      ArrayNode r = Json.array();
      routing.forEach((v, w) -> r.addObject().put("stateMachineVersionArn", v).put("weight", w));
      Instant now = engine.clock().now();
      e = new AliasBook.Entry(null, r, now, now);
    }
    ObjectNode o = Json.object().put("stateMachineAliasArn", arn).put("name", Arns.qualifier(arn));
    if (e.description() != null) {
      o.put("description", e.description());
    }
    o.set("routingConfiguration", e.routing());
    o.set("creationDate", Json.epochSeconds(e.created()));
    o.set("updateDate", Json.epochSeconds(e.updated()));
    return o;
  }

  private ObjectNode updateAlias(JsonNode rq) {
    String arn = aliasArn(rq);
    Map<String, Integer> current = engine.machines().describeStateMachineAlias(arn);
    AliasBook.Entry e = aliases.get(arn);
    ArrayNode routing =
        rq.has("routingConfiguration") ? routing(rq) : e != null ? e.routing() : null;
    String description =
        rq.has("description")
            ? Req.optional(rq, "description")
            : e != null ? e.description() : null;
    if (!rq.has("routingConfiguration") && !rq.has("description")) {
      throw new StatesApiException(
          "ValidationException",
          "Either the description or the RoutingConfiguration must be specified");
    }
    Map<String, Integer> weights = routing != null ? weights(routing) : current;
    engine.machines().updateStateMachineAlias(arn, weights);
    Instant now = engine.clock().now();
    if (routing == null) {
      routing = Json.array();
      for (var w : weights.entrySet()) {
        routing.addObject().put("stateMachineVersionArn", w.getKey()).put("weight", w.getValue());
      }
    }
    aliases.put(arn, new AliasBook.Entry(description, routing, e != null ? e.created() : now, now));
    ObjectNode out = Json.object();
    out.set("updateDate", Json.epochSeconds(now));
    return out;
  }

  private ObjectNode deleteAlias(JsonNode rq) {
    String arn = aliasArn(rq);
    engine.machines().deleteStateMachineAlias(arn);
    aliases.remove(arn);
    return Json.object();
  }

  private ObjectNode listAliases(JsonNode rq) {
    return listQualified(
        rq,
        engine.machines()::listStateMachineAliases,
        "stateMachineAliases",
        "stateMachineAliasArn",
        a -> {
          AliasBook.Entry e = aliases.get(a);
          return e != null ? e.created() : engine.clock().now();
        });
  }

  /** A page of a state machine's versions or aliases: each ARN with its creation date. */
  private static ObjectNode listQualified(
      JsonNode rq,
      Function<String, List<String>> list,
      String member,
      String arnMember,
      Function<String, Instant> created) {
    String arn = Arns.check(Req.required(rq, "stateMachineArn"), Arns.MACHINE);
    return Pages.page(
        rq,
        list.apply(arn),
        100,
        arn,
        member,
        q -> {
          ObjectNode o = Json.object().put(arnMember, q);
          o.set("creationDate", Json.epochSeconds(created.apply(q)));
          return o;
        },
        Json.object());
  }

  /**
   * A state machine ARN without a version or alias qualifier (updating a version is not a thing).
   */
  private static String unqualified(JsonNode rq) {
    String arn = Arns.check(Req.required(rq, "stateMachineArn"), Arns.MACHINE);
    if (Arns.qualifier(arn) != null) {
      throw new StatesApiException(
          "ValidationException", "Expected an unqualified state machine ARN, got '" + arn + "'");
    }
    return arn;
  }

  private static String aliasArn(JsonNode rq) {
    String arn = Arns.check(Req.required(rq, "stateMachineAliasArn"), Arns.MACHINE);
    if (!Arns.isAlias(arn)) {
      throw new StatesApiException(
          "InvalidArn",
          "Invalid Arn: 'Resource type not valid in this context: "
              + "not a state machine alias ARN'");
    }
    return arn;
  }

  /**
   * The routingConfiguration member, checked: 1-2 distinct versions of one machine, weights summing
   * to 100.
   */
  private static ArrayNode routing(JsonNode rq) {
    JsonNode r = rq.get("routingConfiguration");
    if (r == null || !r.isArray() || r.isEmpty() || r.size() > 2) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value at "
              + "'routingConfiguration' failed to satisfy constraint: Member must have length between 1 and 2");
    }
    ArrayNode out = Json.array();
    int sum = 0;
    String machine = null;
    for (JsonNode item : r) {
      String v = Arns.check(Req.required(item, "stateMachineVersionArn"), Arns.MACHINE);
      int w = item.path("weight").asInt(-1);
      if (!Arns.isVersion(v)
          || w < 0
          || w > 100
          || (machine != null && !machine.equals(machineOf(v)))) {
        throw new StatesApiException(
            "ValidationException", "Invalid routing configuration item: " + item);
      }
      machine = machineOf(v);
      sum += w;
      out.addObject().put("stateMachineVersionArn", v).put("weight", w);
    }
    boolean twice =
        out.size() == 2
            && out.get(0)
                .get("stateMachineVersionArn")
                .equals(out.get(1).get("stateMachineVersionArn"));
    if (sum != 100 || twice) {
      throw new StatesApiException(
          "ValidationException",
          "Routing configuration weights must add up to 100 across distinct versions");
    }
    return out;
  }

  private static Map<String, Integer> weights(ArrayNode routing) {
    Map<String, Integer> m = new LinkedHashMap<>();
    routing.forEach(i -> m.put(i.get("stateMachineVersionArn").asText(), i.get("weight").asInt()));
    return m;
  }

  private static String machineOf(String qualifiedArn) {
    return qualifiedArn.substring(0, qualifiedArn.lastIndexOf(':'));
  }

  /** The request's {@code type}: STANDARD when absent. */
  static StateMachineType type(JsonNode rq) {
    StateMachineType type =
        Req.enumValue(rq, "type", StateMachineType.class, ": [STANDARD, EXPRESS]");
    return type == null ? StateMachineType.STANDARD : type;
  }
}
