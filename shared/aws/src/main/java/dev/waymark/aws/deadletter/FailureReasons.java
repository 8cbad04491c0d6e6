package dev.waymark.aws.deadletter;

import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Why processing an event failed, in plain words an operator can act on. Never the exception's
 * message as such: messages of parsers and of the store can quote the payload, which is personal
 * data; only known causes are described, anything else is named by its kind.
 */
public final class FailureReasons {
  private FailureReasons() {}

  public static String of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String known = known(cause);
      if (known != null) {
        return known;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return "processing failed (" + kind(failure) + ")";
  }

  private static String known(Throwable cause) {
    if (cause instanceof ProvisionedThroughputExceededException
        || cause instanceof RequestLimitExceededException
        || isThrottling(cause)) {
      return "the table throttled the request";
    }
    if (cause instanceof TransactionCanceledException cancelled) {
      return "a transaction was cancelled ("
          + cancelled.cancellationReasons().stream()
              .map(r -> r.code() == null ? "None" : r.code())
              .distinct()
              .toList()
          + ")";
    }
    if (cause instanceof DynamoDbException dynamo) {
      String message = String.valueOf(dynamo.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("item size") || message.contains("400 kb")) {
        return "an item would pass DynamoDB's 400 KB item limit";
      }
      return "the table refused the request (" + dynamo.statusCode() + ")";
    }
    if (cause instanceof SdkClientException) {
      return "the table could not be reached";
    }
    if (cause instanceof com.fasterxml.jackson.core.JacksonException) {
      return "the stored event is not readable as an event";
    }
    return null;
  }

  private static boolean isThrottling(Throwable cause) {
    return cause instanceof DynamoDbException d
        && d.awsErrorDetails() != null
        && "ThrottlingException".equals(d.awsErrorDetails().errorCode());
  }

  /** "IllegalStateException" → "illegal state". */
  private static String kind(Throwable cause) {
    String name = cause.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
