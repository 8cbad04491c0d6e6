package dev.waymark.local.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.CloudFormationYaml;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code AWS::Scheduler::Schedule} resources of template.yaml (the daily lease scan, the hourly
 * sweeps), created in the local scheduler under their logical ids, so the local runtime fires
 * exactly what a deployment would.
 */
public final class TemplateSchedules {
  private TemplateSchedules() {}

  /** Creates every schedule of the template; returns how many. */
  @SuppressWarnings("unchecked")
  public static int create(Path template, LocalScheduler scheduler) {
    int created = 0;
    for (Map.Entry<String, Map<String, Object>> resource :
        CloudFormationYaml.resources(template).entrySet()) {
      if (!"AWS::Scheduler::Schedule".equals(resource.getValue().get("Type"))) {
        continue;
      }
      Map<String, Object> properties = (Map<String, Object>) resource.getValue().get("Properties");
      ObjectNode definition = Json.MAPPER.valueToTree(properties);
      ObjectNode target = (ObjectNode) definition.path("Target");
      target.put(
          "Arn", ScheduleTargets.localArn(ScheduleTargets.functionOf(target.path("Arn").asText())));
      scheduler.create(LocalScheduler.DEFAULT_GROUP, resource.getKey(), definition);
      created++;
    }
    return created;
  }
}
