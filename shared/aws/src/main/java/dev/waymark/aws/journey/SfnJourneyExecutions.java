package dev.waymark.aws.journey;

import dev.waymark.core.journey.JourneyExecutions;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** {@link JourneyExecutions} on Step Functions (Standard workflows), through the AWS SDK v2. */
public record SfnJourneyExecutions(SfnClient sfn) implements JourneyExecutions {
  @Override
  public String start(String stateMachineArn, String runName, String inputJson) {
    return sfn.startExecution(
            r -> r.stateMachineArn(stateMachineArn).name(runName).input(inputJson))
        .executionArn();
  }

  @Override
  public void stop(String executionArn, String error, String cause) {
    try {
      sfn.stopExecution(r -> r.executionArn(executionArn).error(error).cause(cause));
    } catch (ExecutionDoesNotExistException gone) {
      // nothing left to stop
    }
  }

  /** {@link #FORGOTTEN} for an execution Step Functions no longer knows (closed 90 days ago). */
  @Override
  public String status(String executionArn) {
    try {
      return sfn.describeExecution(r -> r.executionArn(executionArn)).statusAsString();
    } catch (ExecutionDoesNotExistException gone) {
      return FORGOTTEN;
    }
  }

  @Override
  public boolean resume(String taskToken, String outputJson) {
    try {
      sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson));
      return true;
    } catch (TaskDoesNotExistException
        | TaskTimedOutException
        | InvalidTokenException noLongerWaiting) {
      return false;
    } catch (SfnException e) {
      if (e.statusCode() == 400
          && String.valueOf(e.awsErrorDetails().errorCode()).startsWith("Task")) {
        return false;
      }
      throw e;
    }
  }
}
