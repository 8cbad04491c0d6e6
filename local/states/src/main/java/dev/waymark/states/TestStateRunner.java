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
final class TestStateRunner {
    private static final Set<String> NO_MOCK_TYPES = Set.of("Pass", "Fail", "Succeed", "Choice", "Wait");
    private final EngineRuntime runtime;
    private final String region;
    private final String accountId;

    TestStateRunner(EngineRuntime runtime, String region, String accountId) {
        this.runtime = runtime;
        this.region = region;
        this.accountId = accountId;
    }

    TestStateResult run(TestStateRequest req) {
        Definition def = definition(req);
        String name = req.stateName() != null ? req.stateName() : "StateName";
        JsonNode state = def.state(name);
        TestHooks hooks = hooks(req, state);
        JsonNode input = req.input() == null ? Json.object() : StatesEngine.parseInput(req.input());
        ExecutionRecord rec = record(req, def, input, name);
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        if (req.variables() != null) {
            Json.parse(req.variables()).fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
            if (hooks.inspectionEnabled()) {
                hooks.inspectionData().set("variables", Json.parse(req.variables()));
            }
        }
        TestStateExecutor.Outcome o = TestStateExecutor.run(runtime, rec, def, name, input, vars, hooks);
        ObjectNode insp = hooks.inspectionData();
        if (insp != null && o.errorDetails() != null) {
            insp.set("errorDetails", o.errorDetails());
        }
        return new TestStateResult(o.status(), o.output() == null ? null : Json.write(o.output()), o.error(),
                o.cause(), o.nextState(), insp);
    }

    private Definition definition(TestStateRequest req) {
        if (req.stateName() != null) {
            if (req.stateName().isEmpty()) {
                throw new StatesApiException("ValidationException",
                        "Invalid length for parameter stateName, value: 0, valid min length: 1");
            }
            DefinitionValidator.validateOrThrow(req.definition(), StateMachineType.STANDARD);
            Definition def = Definition.of(Json.parse(req.definition()), Definition.JSONPATH);
            if (def.state(req.stateName()) == null) {
                throw new StatesApiException("ValidationException", "State not found in definition");
            }
            return def;
        }
        JsonNode state = Json.parse(req.definition());
        ObjectNode machine = Json.object();
        machine.put("StartAt", "StateName");
        machine.putObject("States").set("StateName", state);
        DefinitionValidator.validateOrThrow(Json.write(machine), StateMachineType.STANDARD);
        return Definition.of(machine, Definition.JSONPATH);
    }

    private static TestHooks hooks(TestStateRequest req, JsonNode state) {
        String type = state.path("Type").asText();
        JsonNode mock = req.mock();
        boolean hasMock = mock != null && (mock.has("result") || mock.has("errorOutput"));
        if (hasMock && NO_MOCK_TYPES.contains(type)) {
            throw new StatesApiException("ValidationException", "State type '" + type
                    + "' is not supported when a mock is specified");
        }
        if (!hasMock && (type.equals("Map") || type.equals("Parallel"))) {
            throw new StatesApiException("ValidationException", "TestState API does not support Map or Parallel "
                    + "states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
        }
        if (hasMock && mock.has("result") && mock.has("errorOutput")) {
            throw new StatesApiException("ValidationException",
                    "A test mock should have only one of the following fields: [result, errorOutput].");
        }
        JsonNode result = hasMock && mock.has("result") ? mockResult(mock.get("result").asText(), state) : null;
        StatesFailure error = hasMock && mock.has("errorOutput") ? new StatesFailure(
                mock.get("errorOutput").path("error").asText(null), mock.get("errorOutput").path("cause").asText(null))
                : null;
        JsonNode cfg = req.stateConfiguration() == null ? Json.object() : req.stateConfiguration();
        JsonNode readerData = cfg.has("mapItemReaderData") ? Json.parse(cfg.get("mapItemReaderData").asText()) : null;
        int failures = cfg.path("mapIterationFailureCount").asInt(0);
        if (result != null && type.equals("Map") && result.isArray() && failures > result.size()) {
            throw new StatesApiException("ValidationException",
                    "Map iteration failure count must be less than or equal to the number of Map iterations");
        }
        String level = req.inspectionLevel() == null ? "INFO" : req.inspectionLevel();
        ObjectNode inspection = level.equals("INFO") ? null : Json.object();
        return new TestHooks(result, error, cfg.path("retrierRetryCount").asInt(0), failures, readerData, inspection);
    }

    private static JsonNode mockResult(String text, JsonNode state) {
        JsonNode result;
        try {
            result = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StatesApiException("ValidationException", "Mocked result must be valid JSON");
        }
        String type = state.path("Type").asText();
        if ((type.equals("Map") && !state.has("ResultWriter") || type.equals("Parallel")) && !result.isArray()) {
            throw new StatesApiException("ValidationException", "Mocked result must be an array.");
        }
        if (type.equals("Parallel") && result.size() != state.path("Branches").size()) {
            throw new StatesApiException("ValidationException",
                    "Mocked result must contain the same number of items as number of Parallel branches.");
        }
        return result;
    }

    private ExecutionRecord record(TestStateRequest req, Definition def, JsonNode input, String stateName) {
        String smName = UUID.randomUUID().toString();
        String execName = UUID.randomUUID().toString();
        String smArn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + smName;
        String execArn = "arn:aws:states:" + region + ":" + accountId + ":express:" + smName + ":" + execName;
        ExecutionRecord rec = new ExecutionRecord(execArn, execName, smArn, smName, null, null, req.roleArn(), def,
                StateMachineType.EXPRESS, input, runtime.clock().now(), new HistoryLog(runtime.clock()::now, false),
                null);
        rec.stateNameOverride = stateName;
        if (req.context() != null) {
            rec.contextOverride = TestStateContext.validate(Json.parse(req.context()));
        }
        return rec;
    }
}
