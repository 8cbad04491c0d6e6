package dev.waymark.aws.journey;

import dev.waymark.core.send.FrequencyCaps;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Journey settings from the function environment (template.yaml sets them): {@code
 * WAYMARK_SM_<JOURNEY>} state machine (alias) ARNs; {@code WAYMARK_FROM_ADDRESS}, {@code
 * WAYMARK_CONFIGURATION_SET}, {@code WAYMARK_PUSH_APP_ARN}; {@code WAYMARK_PUBLIC_URL} and {@code
 * WAYMARK_UNSUBSCRIBE_SECRET} for unsubscribe links; caps ({@code WAYMARK_CAP_*}); {@code
 * WAYMARK_DEFAULT_TIMEZONE}; and, for local runs only, endpoint overrides {@code
 * WAYMARK_SFN_ENDPOINT}, {@code WAYMARK_SES_ENDPOINT}, {@code WAYMARK_SNS_ENDPOINT}.
 */
public record JourneyConfig(
    Map<String, String> stateMachineArns,
    String fromAddress,
    String configurationSet,
    String pushAppArn,
    String publicUrl,
    byte[] unsubscribeSecret,
    FrequencyCaps caps,
    ZoneId defaultZone,
    Optional<URI> sfnEndpoint,
    Optional<URI> sesEndpoint,
    Optional<URI> snsEndpoint) {

  public static JourneyConfig from(Map<String, String> env) {
    Map<String, String> arns = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("WAYMARK_SM_")) {
            arns.put(name.substring("WAYMARK_SM_".length()).toLowerCase().replace('_', '-'), value);
          }
        });
    return new JourneyConfig(
        arns,
        env.getOrDefault("WAYMARK_FROM_ADDRESS", "no-reply@example.com"),
        env.getOrDefault("WAYMARK_CONFIGURATION_SET", "waymark"),
        env.getOrDefault(
            "WAYMARK_PUSH_APP_ARN", "arn:aws:sns:us-east-1:000000000000:app/APNS/waymark"),
        env.getOrDefault("WAYMARK_PUBLIC_URL", "http://127.0.0.1:3000"),
        env.getOrDefault("WAYMARK_UNSUBSCRIBE_SECRET", "local-only-secret")
            .getBytes(StandardCharsets.UTF_8),
        FrequencyCaps.fromEnvironment(env),
        ZoneId.of(env.getOrDefault("WAYMARK_DEFAULT_TIMEZONE", "UTC")),
        endpoint(env, "WAYMARK_SFN_ENDPOINT"),
        endpoint(env, "WAYMARK_SES_ENDPOINT"),
        endpoint(env, "WAYMARK_SNS_ENDPOINT"));
  }

  private static Optional<URI> endpoint(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank()).map(URI::create);
  }
}
