package dev.waymark.aws.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * AWS clients as the functions build them: once, at init, with an explicit region and the light
 * URL-connection HTTP client (no region or HTTP-client discovery at cold start).
 */
public final class AwsClients {
  private AwsClients() {}

  public static DynamoDbClient dynamoDb(WaymarkConfig config) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(config.region()))
            .httpClient(UrlConnectionHttpClient.create());
    config.dynamoEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** The table's stream, read by the dead-letter queue's consumer. */
  public static DynamoDbStreamsClient dynamoDbStreams(WaymarkConfig config) {
    DynamoDbStreamsClientBuilder builder =
        DynamoDbStreamsClient.builder()
            .region(Region.of(config.region()))
            .httpClient(UrlConnectionHttpClient.create());
    config.dynamoEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
