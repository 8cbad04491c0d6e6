package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.TestStateRequest;
import dev.waymark.states.TestStateResult;
import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * TestState and ValidateStateMachineDefinition: definitions checked or run without a state machine.
 */
record DefinitionOperations(StatesEngine engine) {
  void register(Map<String, Function<JsonNode, ObjectNode>> ops) {
    ops.put("TestState", this::testState);
    ops.put("ValidateStateMachineDefinition", this::validate);
  }

  private ObjectNode testState(JsonNode rq) {
    TestStateResult r =
        engine.testState(
            new TestStateRequest(
                Req.required(rq, "definition"),
                Req.optional(rq, "roleArn"),
                Req.optional(rq, "input"),
                Req.optional(rq, "inspectionLevel"),
                rq.get("mock"),
                Req.optional(rq, "stateName"),
                Req.optional(rq, "variables"),
                Req.optional(rq, "context"),
                rq.get("stateConfiguration")));
    ObjectNode out = Json.object().put("status", r.status());
    putIfSet(out, "output", r.output());
    putIfSet(out, "error", r.error());
    putIfSet(out, "cause", r.cause());
    putIfSet(out, "nextState", r.nextState());
    if (r.inspectionData() != null) {
      out.set("inspectionData", r.inspectionData());
    }
    return out;
  }

  private ObjectNode validate(JsonNode rq) {
    String definition = Req.required(rq, "definition");
    String severity = rq.has("severity") ? Req.optional(rq, "severity") : "ERROR";
    if (!List.of("ERROR", "WARNING").contains(severity)) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value '"
              + severity
              + "' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: "
              + "[ERROR, WARNING]");
    }
    int max = Req.maxResults(rq, 100);
    List<DefinitionValidator.Diagnostic> all =
        engine.validateStateMachineDefinition(definition, MachineOperations.type(rq));
    ArrayNode diagnostics = Json.array();
    boolean failed = false;
    for (DefinitionValidator.Diagnostic d : all) {
      failed |= "ERROR".equals(d.severity());
      if (("ERROR".equals(d.severity()) || "WARNING".equals(severity))
          && diagnostics.size() < max) {
        ObjectNode o =
            diagnostics
                .addObject()
                .put("severity", d.severity())
                .put("code", d.code())
                .put("message", d.message());
        putIfSet(o, "location", d.location());
      }
    }
    ObjectNode out = Json.object().put("result", failed ? "FAIL" : "OK");
    out.set("diagnostics", diagnostics);
    out.put(
        "truncated",
        diagnostics.size()
            < all.stream()
                .filter(d -> "ERROR".equals(d.severity()) || "WARNING".equals(severity))
                .count());
    return out;
  }

  private static void putIfSet(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
