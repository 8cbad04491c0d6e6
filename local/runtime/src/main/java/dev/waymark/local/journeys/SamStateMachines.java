package dev.waymark.local.journeys;

import dev.waymark.ddblocal.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machines and Lambda functions template.yaml declares: each state machine's definition
 * with its {@code ${...}} substitutions resolved to local function ARNs, and which handler class
 * each function runs.
 */
final class SamStateMachines {
  static final String ACCOUNT = "000000000000";
  static final String REGION = "us-east-1";

  /**
   * A journey's state machine: the journey id (its folder under statemachines/) and the resolved
   * definition.
   */
  record Machine(String logicalId, String journeyId, String definition) {}

  private SamStateMachines() {}

  static String functionArn(String logicalId) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
  }

  /** Function logical id → handler class name. */
  @SuppressWarnings("unchecked")
  static Map<String, String> functions(Path template) {
    Map<String, String> functions = new LinkedHashMap<>();
    CloudFormationYaml.resources(template)
        .forEach(
            (id, resource) -> {
              if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                functions.put(id, String.valueOf(properties.get("Handler")).split("::", 2)[0]);
              }
            });
    return functions;
  }

  @SuppressWarnings("unchecked")
  static List<Machine> machines(Path template) {
    List<Machine> machines = new ArrayList<>();
    Path root = template.toAbsolutePath().getParent();
    CloudFormationYaml.resources(template)
        .forEach(
            (id, resource) -> {
              if ("AWS::Serverless::StateMachine".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                String uri = String.valueOf(properties.get("DefinitionUri"));
                Map<String, Object> substitutions =
                    (Map<String, Object>)
                        properties.getOrDefault("DefinitionSubstitutions", Map.of());
                machines.add(
                    new Machine(
                        id,
                        Path.of(uri).getParent().getFileName().toString(),
                        substitute(read(root.resolve(uri)), substitutions)));
              }
            });
    return machines;
  }

  /**
   * {@code ${Name}} → the local ARN of the function named by {@code !GetAtt Fn.Arn} (or {@code !Ref
   * Fn}).
   */
  private static String substitute(String definition, Map<String, Object> substitutions) {
    String resolved = definition;
    for (Map.Entry<String, Object> entry : substitutions.entrySet()) {
      String target = String.valueOf(entry.getValue()).split("\\.", 2)[0];
      resolved = resolved.replace("${" + entry.getKey() + "}", functionArn(target));
    }
    return resolved;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
