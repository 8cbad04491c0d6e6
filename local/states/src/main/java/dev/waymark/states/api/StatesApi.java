package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Step Functions API operations by name ({@code X-Amz-Target: AWSStepFunctions.<name>}), over
 * one engine.
 */
public final class StatesApi {
  private final Map<String, Function<JsonNode, ObjectNode>> operations = new TreeMap<>();

  public StatesApi(StatesEngine engine) {
    new MachineOperations(engine).register(operations);
    new ExecutionOperations(engine).register(operations);
    new DefinitionOperations(engine).register(operations);
    new ActivityOperations(engine).register(operations);
    TagOperations tags = new TagOperations(engine);
    tags.register(operations);
    operations.put(
        "CreateStateMachine",
        tags.tagging(operations.get("CreateStateMachine"), "stateMachineArn"));
    operations.put("CreateActivity", tags.tagging(operations.get("CreateActivity"), "activityArn"));
    operations.put(
        "DeleteStateMachine",
        tags.forgetting(operations.get("DeleteStateMachine"), "stateMachineArn"));
    operations.put(
        "DeleteActivity", tags.forgetting(operations.get("DeleteActivity"), "activityArn"));
  }

  /** The operation names served. */
  public Set<String> operations() {
    return operations.keySet();
  }

  /**
   * Runs one operation on its JSON request; API errors are thrown as {@link StatesApiException}.
   */
  public ObjectNode call(String operation, JsonNode request) {
    Function<JsonNode, ObjectNode> op = operations.get(operation);
    if (op == null) {
      throw new StatesApiException(
          "UnknownOperationException",
          "Operation " + operation + " is not supported by this endpoint");
    }
    return op.apply(request);
  }
}
