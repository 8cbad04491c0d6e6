package dev.waymark.aws.dynamo;

import dev.waymark.ddblocal.SharedDynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

  /** The messageIds of the events stored on a profile, oldest first (a consistent read). */
  public static java.util.List<String> eventIds(String table, String profileId) {
    return client()
        .queryPaginator(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :e)")
                    .expressionAttributeValues(
                        java.util.Map.of(
                            ":pk",
                            AttributeValue.fromS(Keys.profile(profileId)),
                            ":e",
                            AttributeValue.fromS(Keys.EVENT_PREFIX))))
        .items()
        .stream()
        .map(i -> i.get("messageId").s())
        .toList();
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
