package dev.waymark.aws.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings every function reads from its environment (set in template.yaml's Globals).
 *
 * @param table the Waymark table ({@code WAYMARK_TABLE})
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda)
 * @param dynamoEndpoint an endpoint override for DynamoDB ({@code WAYMARK_DYNAMODB_ENDPOINT}), for
 *     local runs
 * @param eventRetention how long processed events are kept ({@code WAYMARK_EVENT_RETENTION_DAYS},
 *     default 400)
 * @param dedupWindow how long a messageId is remembered ({@code WAYMARK_DEDUP_DAYS}, default 7)
 */
public record WaymarkConfig(
    String table,
    String region,
    Optional<URI> dynamoEndpoint,
    Duration eventRetention,
    Duration dedupWindow) {

  public static WaymarkConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static WaymarkConfig from(Map<String, String> env) {
    String table = env.get("WAYMARK_TABLE");
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("WAYMARK_TABLE is not set");
    }
    return new WaymarkConfig(
        table,
        env.getOrDefault("AWS_REGION", "us-east-1"),
        Optional.ofNullable(env.get("WAYMARK_DYNAMODB_ENDPOINT"))
            .filter(s -> !s.isBlank())
            .map(URI::create),
        Duration.ofDays(Long.parseLong(env.getOrDefault("WAYMARK_EVENT_RETENTION_DAYS", "400"))),
        Duration.ofDays(Long.parseLong(env.getOrDefault("WAYMARK_DEDUP_DAYS", "7"))));
  }

  /** The same settings for another table (tests and the local runtime). */
  public static WaymarkConfig local(String table) {
    return new WaymarkConfig(
        table, "us-east-1", Optional.empty(), Duration.ofDays(400), Duration.ofDays(7));
  }
}
