package dev.waymark.states.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Activities and an activity worker's poll/answer loop through the AWS SDK v2 client. */
class ActivityApiTest {
  @RegisterExtension static final SfnEndpoint EP = new SfnEndpoint();

  private final SfnClient sfn = EP.sfn;

  @Test
  void aWorkerPollsAndAnswersAnActivityTask() {
    var created = sfn.createActivity(r -> r.name("approve"));
    String activity = created.activityArn();
    assertThat(activity).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:approve");
    assertThat(sfn.describeActivity(r -> r.activityArn(activity)).creationDate())
        .isEqualTo(created.creationDate());
    assertThat(sfn.listActivities(r -> {}).activities())
        .extracting(ActivityListItem::name)
        .contains("approve");

    String sm =
        sfn.createStateMachine(
                r ->
                    r.name("approval")
                        .roleArn("arn:aws:iam::123456789012:role/r")
                        .definition(
                            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\""
                                + activity
                                + "\",\"End\":true}}}"))
            .stateMachineArn();
    String ex = sfn.startExecution(r -> r.stateMachineArn(sm).input("{\"doc\":7}")).executionArn();
    var task = sfn.getActivityTask(r -> r.activityArn(activity).workerName("w1"));
    assertThat(task.input()).isEqualTo("{\"doc\":7}");
    sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"approved\":true}"));
    EP.settle();
    var d = sfn.describeExecution(r -> r.executionArn(ex));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"approved\":true}");

    sfn.deleteActivity(r -> r.activityArn(activity));
    assertThatThrownBy(() -> sfn.describeActivity(r -> r.activityArn(activity)))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }
}
