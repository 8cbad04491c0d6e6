package dev.waymark.bench.coldstart;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The floor a function's init is compared with: a bare handler that builds the same SDK clients the
 * function builds (same region, same URL-connection HTTP client, same endpoint override) and
 * nothing else. Its priming, like the functions', is one DynamoDB read of a key that does not
 * exist.
 */
public final class ColdStartFloor {
  private ColdStartFloor() {}

  /** Builds the clients named (comma-separated: dynamodb, streams, sfn, sesv2, sns, secrets). */
  public static List<SdkClient> build(String clients) {
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    Optional<URI> dynamoEndpoint =
        Optional.ofNullable(System.getenv("WAYMARK_DYNAMODB_ENDPOINT")).map(URI::create);
    List<SdkClient> built = new ArrayList<>();
    for (String client : clients.split(",")) {
      built.add(
          switch (client) {
            case "dynamodb" -> light(DynamoDbClient.builder(), region, dynamoEndpoint).build();
            case "streams" ->
                light(DynamoDbStreamsClient.builder(), region, dynamoEndpoint).build();
            case "sfn" -> light(SfnClient.builder(), region, Optional.empty()).build();
            case "sesv2" -> light(SesV2Client.builder(), region, Optional.empty()).build();
            case "sns" -> light(SnsClient.builder(), region, Optional.empty()).build();
            case "secrets" ->
                light(SecretsManagerClient.builder(), region, Optional.empty()).build();
            default -> throw new IllegalArgumentException("unknown client " + client);
          });
    }
    return built;
  }

  /**
   * The settings the functions' clients have: the region, the URL-connection client, an endpoint.
   */
  private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B light(
      B builder, String region, Optional<URI> endpoint) {
    builder.region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  /** One GetItem of a key that does not exist, through the DynamoDB client. */
  public static Object prime(Object clients) {
    for (Object client : (List<?>) clients) {
      if (client instanceof DynamoDbClient dynamo) {
        dynamo.getItem(
            GetItemRequest.builder()
                .tableName(System.getenv("WAYMARK_TABLE"))
                .key(
                    java.util.Map.of(
                        "PK", AttributeValue.fromS("snapstart-priming"),
                        "SK", AttributeValue.fromS("snapstart-priming")))
                .consistentRead(true)
                .build());
        return 1;
      }
    }
    return 0;
  }
}
