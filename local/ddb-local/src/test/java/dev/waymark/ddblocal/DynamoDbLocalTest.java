package dev.waymark.ddblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Starting on a free port survives the port being taken between the moment it was found free and
 * the moment the engine binds it (other builds' tests on the same machine do that).
 */
class DynamoDbLocalTest {
  @Test
  void aPortTakenInTheMeantimeIsReplacedByAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      AtomicInteger offers = new AtomicInteger();
      try (DynamoDbLocal engine =
          DynamoDbLocal.start(
              () ->
                  offers.getAndIncrement() == 0
                      ? taken.getLocalPort()
                      : DynamoDbLocal.freePort())) {
        assertThat(offers).hasValue(2);
        assertThat(engine.endpoint().getPort()).isNotEqualTo(taken.getLocalPort());
        assertThat(engine.client().listTables().tableNames()).isEmpty();
      }
    }
  }

  @Test
  void aPortThatStaysTakenIsAnError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> DynamoDbLocal.start(taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
    }
  }

  @Test
  void itListensOnTheLoopbackAddressOnly() throws Exception {
    try (DynamoDbLocal engine = DynamoDbLocal.start()) {
      int port = engine.endpoint().getPort();
      try (Socket loopback = new Socket()) {
        loopback.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        assertThat(loopback.isConnected()).isTrue();
      }
      // on Linux all of 127/8 reaches this machine; a server bound to every interface answers
      // 127.0.0.2 too, one bound to 127.0.0.1 does not
      assertThatThrownBy(
              () -> {
                try (Socket other = new Socket()) {
                  other.connect(new InetSocketAddress("127.0.0.2", port), 5_000);
                }
              })
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void anEngineInAFolderFindsTheTablesItemsAndStreamOfThePreviousOne(@TempDir Path folder) {
    try (DynamoDbLocal first = DynamoDbLocal.startIn(folder);
        DynamoDbClient dynamo = first.client()) {
      TemplateTable.createWaymarkTable(dynamo, "kept");
      dynamo.putItem(r -> r.tableName("kept").item(item("P#1", "EVENT")));
    }

    try (DynamoDbLocal second = DynamoDbLocal.startIn(folder);
        DynamoDbClient dynamo = second.client();
        var streams = second.streamsClient()) {
      assertThat(dynamo.getItem(r -> r.tableName("kept").key(item("P#1", "EVENT"))).item())
          .isEqualTo(item("P#1", "EVENT"));
      String arn = dynamo.describeTable(r -> r.tableName("kept")).table().latestStreamArn();
      String shard =
          streams
              .describeStream(r -> r.streamArn(arn))
              .streamDescription()
              .shards()
              .get(0)
              .shardId();
      String iterator =
          streams
              .getShardIterator(
                  r ->
                      r.streamArn(arn)
                          .shardId(shard)
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records())
          .singleElement()
          .satisfies(
              record -> assertThat(record.dynamodb().keys()).isEqualTo(item("P#1", "EVENT")));
    }
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }
}
