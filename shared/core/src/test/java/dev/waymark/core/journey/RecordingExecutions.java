package dev.waymark.core.journey;

import java.util.List;

/** The workflow engine, reduced to a record of the runs started (router tests). */
public record RecordingExecutions(List<String> started) implements JourneyExecutions {
  @Override
  public String start(String stateMachineArn, String runName, String inputJson) {
    started.add(runName);
    return "arn:execution:" + runName;
  }

  @Override
  public void stop(String executionArn, String error, String cause) {}

  @Override
  public boolean resume(String taskToken, String outputJson) {
    return true;
  }

  @Override
  public String status(String executionArn) {
    return "RUNNING";
  }
}
