package dev.waymark.local.journeys;

import dev.waymark.ddblocal.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda functions template.yaml declares, and which handler class each runs: what the local
 * state machines' Lambda tasks resolve to (journey state machines themselves are published through
 * the publish path, not read from the template).
 */
final class SamStateMachines {
  private SamStateMachines() {}

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
}
