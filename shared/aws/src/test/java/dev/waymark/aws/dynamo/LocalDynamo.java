package dev.waymark.aws.dynamo;

import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB Local per test JVM; each test class gets a fresh table shaped like template.yaml. */
public final class LocalDynamo {
  private static DynamoDbLocal engine;
  private static DynamoDbClient client;

  private LocalDynamo() {}

  public static synchronized DynamoDbClient client() {
    if (engine == null) {
      engine = DynamoDbLocal.start();
      client = engine.client();
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    }
    return client;
  }

  public static String newTable() {
    String name = "waymark-" + UUID.randomUUID();
    TemplateTable.createWaymarkTable(client(), name);
    return name;
  }
}
