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
}
