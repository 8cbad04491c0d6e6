package dev.waymark.aws.dynamo;

import dev.waymark.ddblocal.SharedDynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tests' DynamoDB Local: one per JVM; each test class takes a fresh table shaped like
 * template.yaml.
 */
public final class LocalDynamo {
  private LocalDynamo() {}

  public static DynamoDbClient client() {
    return SharedDynamoDbLocal.client();
  }

  public static String newTable() {
    return SharedDynamoDbLocal.newWaymarkTable();
  }

  /** The profile store on a test table, with its segment memberships, as the services wire it. */
  public static DynamoProfileStore profileStore(
      DynamoDbClient dynamo, String table, java.time.Clock clock) {
    java.time.Duration week = java.time.Duration.ofDays(7);
    return new DynamoProfileStore(
        dynamo,
        table,
        clock,
        java.time.Duration.ofDays(400),
        new dev.waymark.aws.segment.DynamoSegmentMemberships(dynamo, table, week));
  }
}
