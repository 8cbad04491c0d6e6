package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.exec.EngineRuntime;
import dev.waymark.states.exec.ExecutionRecord;
import dev.waymark.states.exec.HistoryLog;
import dev.waymark.states.exec.TestHooks;
import dev.waymark.states.exec.TestStateExecutor;
import dev.waymark.states.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Runs the TestState API: validation of the request, then one state with mocks and inspection. */
record TestStateRunner(EngineRuntime runtime, Account account) {
  private static final Set<String> NO_MOCK_TYPES =
      Set.of("Pass", "Fail", "Succeed", "Choice", "Wait");

  TestStateResult run(TestStateRequest req) {
    Definition def = definition(req);
    String name = req.stateName() != null ? req.stateName() : "StateName";
    JsonNode state = def.state(name);
    TestHooks hooks = hooks(req, state);
    JsonNode input = req.input() == null ? Json.object() : ApiInputs.parseInput(req.input());
    ExecutionRecord rec = record(req, def, input, name);
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    if (req.variables() != null) {
      Json.parse(req.variables())
          .fields()
          .forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
      if (hooks.inspectionEnabled() && !vars.isEmpty()) {
        hooks.inspectionData().set("variables", Json.parse(req.variables()));
      }
    }
    TestStateExecutor.Outcome o =
        TestStateExecutor.run(runtime, rec, def, name, input, vars, hooks);
    ObjectNode insp = hooks.inspectionData();
    if (insp != null && o.errorDetails() != null) {
      insp.set("errorDetails", o.errorDetails());
    }
    if (insp != null) {
      insp = textual(insp);
    }
    return new TestStateResult(
        o.status(),
        o.output() == null ? null : Json.write(o.output()),
        o.error(),
        o.cause(),
        o.nextState(),
        insp);
  }

  /**
   * AWS returns inspection values as JSON text (except the structured errorDetails and counters).
   */
  private static ObjectNode textual(ObjectNode insp) {
    ObjectNode out = Json.object();
    insp.fields()
        .forEachRemaining(
            e -> {
              boolean structured = e.getKey().equals("errorDetails") || e.getValue().isNumber();
              out.set(
                  e.getKey(),
                  structured ? e.getValue() : Json.F.textNode(Json.write(e.getValue())));
            });
    return out;
  }

  private Definition definition(TestStateRequest req) {
    if (req.stateName() != null) {
      if (req.stateName().isEmpty()) {
        throw new StatesApiException(
            "ParamValidationError",
            "Parameter validation failed:\nInvalid length for parameter stateName, value: 0, valid min "
                + "length: 1");
      }
      DefinitionValidator.validateOrThrow(req.definition(), StateMachineType.STANDARD);
      Definition def = Definition.of(Json.parse(req.definition()), Definition.JSONPATH);
      Definition holder = findHolder(def, req.stateName());
      if (holder == null) {
        throw new StatesApiException("ValidationException", "State not found in definition");
      }
      return holder;
    }
    JsonNode state = Json.parse(req.definition());
    ObjectNode machine = Json.object();
    machine.put("StartAt", "StateName");
    machine.putObject("States").set("StateName", state);
    DefinitionValidator.validateOrThrow(Json.write(machine), StateMachineType.STANDARD, false);
    return Definition.of(machine, Definition.JSONPATH);
  }

  /** The (possibly nested: branch, item processor) definition that declares {@code name}. */
  private static Definition findHolder(Definition def, String name) {
    if (def.state(name) != null) {
      return def;
    }
    for (var it = def.states().fields(); it.hasNext(); ) {
      JsonNode s = it.next().getValue();
      String lang = def.languageOf(s);
      for (JsonNode b : s.path("Branches")) {
        Definition found = findHolder(Definition.of(b, lang), name);
        if (found != null) {
          return found;
        }
      }
      JsonNode proc = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
      if (proc != null) {
        Definition found = findHolder(Definition.of(proc, lang), name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static TestHooks hooks(TestStateRequest req, JsonNode state) {
    String type = state.path("Type").asText();
    JsonNode mock = req.mock();
    boolean hasMock = mock != null && (mock.has("result") || mock.has("errorOutput"));
    if (hasMock && NO_MOCK_TYPES.contains(type)) {
      throw new StatesApiException(
          "ValidationException",
          "State type '" + type + "' is not supported when a mock is specified");
    }
    if (!hasMock && (type.equals("Map") || type.equals("Parallel"))) {
      throw new StatesApiException(
          "InvalidDefinition",
          "TestState API does not support Map or Parallel "
              + "states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
    }
    if (!hasMock && type.equals("Task") && req.roleArn() == null) {
      throw new StatesApiException(
          "ValidationException", "RoleArn must be specified when testing a Task state");
    }
    if (hasMock && mock.has("result") && mock.has("errorOutput")) {
      throw new StatesApiException(
          "ValidationException",
          "A test mock should have only one of the following fields: [result, errorOutput].");
    }
    JsonNode result =
        hasMock && mock.has("result") ? mockResult(mock.get("result").asText(), state) : null;
    if (result != null && type.equals("Task")) {
      TestStateMockSchemas.validate(
          state.path("Resource").asText(null),
          result,
          mock.path("fieldValidationMode").asText("STRICT"));
    }
    StatesFailure error =
        hasMock && mock.has("errorOutput")
            ? new StatesFailure(
                mock.get("errorOutput").path("error").asText(null),
                mock.get("errorOutput").path("cause").asText(null))
            : null;
    JsonNode cfg = req.stateConfiguration() == null ? Json.object() : req.stateConfiguration();
    JsonNode readerData =
        cfg.has("mapItemReaderData") ? Json.parse(cfg.get("mapItemReaderData").asText()) : null;
    int failures = cfg.path("mapIterationFailureCount").asInt(0);
    if (result != null && type.equals("Map") && result.isArray() && failures > result.size()) {
      throw new StatesApiException(
          "ValidationException",
          "Map iteration failure count must be less than or equal to the number of Map iterations");
    }
    String level = req.inspectionLevel() == null ? "INFO" : req.inspectionLevel();
    ObjectNode inspection = level.equals("INFO") ? null : Json.object();
    return new TestHooks(
        result, error, cfg.path("retrierRetryCount").asInt(0), failures, readerData, inspection);
  }

  private static JsonNode mockResult(String text, JsonNode state) {
    JsonNode result;
    try {
      result = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException("ValidationException", "Mocked result must be valid JSON");
    }
    String type = state.path("Type").asText();
    if ((type.equals("Map") && !state.has("ResultWriter") || type.equals("Parallel"))
        && !result.isArray()) {
      throw new StatesApiException("ValidationException", "Mocked result must be an array.");
    }
    if (type.equals("Parallel") && result.size() != state.path("Branches").size()) {
      throw new StatesApiException(
          "ValidationException",
          "Mocked result must contain the same number of items as number of Parallel branches.");
    }
    return result;
  }

  private ExecutionRecord record(
      TestStateRequest req, Definition def, JsonNode input, String stateName) {
    String smName = UUID.randomUUID().toString();
    String execName = UUID.randomUUID().toString();
    String smArn = account.arn("stateMachine:" + smName);
    String execArn = account.arn("express:" + smName + ":" + execName);
    ExecutionRecord rec =
        new ExecutionRecord(
            execArn,
            execName,
            smArn,
            smName,
            null,
            null,
            req.roleArn(),
            def,
            StateMachineType.EXPRESS,
            input,
            runtime.clock().now(),
            new HistoryLog(runtime.clock()::now, false),
            null);
    rec.stateNameOverride = "StateName";
    if (req.context() != null) {
      rec.contextOverride =
          TestStateContext.validate(Json.parse(req.context()), def.state(stateName));
    }
    return rec;
  }
}
