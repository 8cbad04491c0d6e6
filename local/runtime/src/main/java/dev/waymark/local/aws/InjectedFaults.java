package dev.waymark.local.aws;

import dev.waymark.local.faults.FaultPlan.Target;
import dev.waymark.local.faults.Faults;
import java.util.Optional;

/**
 * SES and SNS answers for injected faults, as the services answer a throttled request or an
 * internal error (the message never reaches the outbox); the SDK clients retry them as they do
 * against AWS.
 */
final class InjectedFaults {
  private static final String SNS_XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

  private InjectedFaults() {}

  static Optional<AwsResponse> ses(Faults faults) {
    return switch (faults.next(Target.SES, "SendEmail")) {
      case NONE -> Optional.empty();
      case FIRST ->
          Optional.of(
              AwsResponse.json(
                  429,
                  "{\"__type\":\"TooManyRequestsException\",\"message\":\"injected by /_local/faults\"}"));
      case SECOND ->
          Optional.of(
              AwsResponse.json(
                  500,
                  "{\"__type\":\"InternalServiceErrorException\",\"message\":\"injected by /_local/faults\"}"));
    };
  }

  static Optional<AwsResponse> sns(Faults faults) {
    return switch (faults.next(Target.SNS, "Publish")) {
      case NONE -> Optional.empty();
      case FIRST -> Optional.of(snsError(400, "Sender", "Throttling"));
      case SECOND -> Optional.of(snsError(500, "Receiver", "InternalError"));
    };
  }

  private static AwsResponse snsError(int status, String type, String code) {
    return new AwsResponse(
        status,
        "text/xml",
        "<ErrorResponse xmlns=\""
            + SNS_XMLNS
            + "\"><Error><Type>"
            + type
            + "</Type><Code>"
            + code
            + "</Code><Message>injected by /_local/faults</Message></Error>"
            + "<RequestId>injected</RequestId></ErrorResponse>");
  }
}
