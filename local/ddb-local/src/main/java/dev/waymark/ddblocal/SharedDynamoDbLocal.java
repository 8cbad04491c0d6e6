package dev.waymark.ddblocal;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local per JVM for tests: started on first use, stopped when the JVM exits. Each test
 * takes its own table, shaped like template.yaml's, so tests do not see each other's items.
 */
public final class SharedDynamoDbLocal {
  private static DynamoDbLocal engine;
  private static DynamoDbClient client;

  private SharedDynamoDbLocal() {}

  public static synchronized DynamoDbClient client() {
    if (engine == null) {
      engine = DynamoDbLocal.start();
      client = engine.client();
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    }
    return client;
  }

  /** A client of the shared engine's DynamoDB Streams endpoint. */
  public static synchronized software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient
      streamsClient() {
    client();
    return engine.streamsClient();
  }

  /** A new, empty Waymark table (as template.yaml declares it) and its name. */
  public static String newWaymarkTable() {
    String name = "waymark-" + UUID.randomUUID();
    TemplateTable.createWaymarkTable(client(), name);
    return name;
  }
}
