package dev.waymark.aws.journey;

import dev.waymark.core.click.ClickLinks;
import dev.waymark.core.click.RedirectHosts;
import dev.waymark.core.send.FrequencyCaps;
import dev.waymark.core.send.UnsubscribeLinks;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journey settings from the function environment (template.yaml sets them): the publish path's
 * {@code WAYMARK_JOURNEY_ROLE_ARN} (the journeys' shared execution role), the task function ARNs
 * compiled into each state machine ({@code WAYMARK_SEND_FUNCTION_ARN}, {@code
 * WAYMARK_AWAIT_FUNCTION_ARN}, {@code WAYMARK_STEP_FUNCTION_ARN}; their defaults are the local
 * runtime's), {@code WAYMARK_JOURNEY_CACHE_SECONDS} (how long the router caches the published
 * journeys, default 30, 0 = not cached); {@code WAYMARK_FROM_ADDRESS}, {@code
 * WAYMARK_CONFIGURATION_SET}, {@code WAYMARK_PUSH_APP_ARN}, {@code WAYMARK_SMS_ALLOWED_PREFIXES}
 * (comma-separated, e.g. {@code +44,+353}; empty: any E.164 number); {@code WAYMARK_PUBLIC_URL},
 * {@code WAYMARK_SIGNING_SECRET_ARN} (the Secrets Manager secret whose current and previous
 * versions sign and check public links; never the key itself) and {@code
 * WAYMARK_UNSUBSCRIBE_LINK_DAYS} (how long an unsubscribe link works, default 90) for unsubscribe
 * links; {@code WAYMARK_JOURNEY_LOG_GROUP_ARN} (where journey state machines log their errors);
 * caps ({@code WAYMARK_CAP_*}); {@code WAYMARK_DEFAULT_TIMEZONE}; and, for local runs only,
 * endpoint overrides {@code WAYMARK_SFN_ENDPOINT}, {@code WAYMARK_SES_ENDPOINT}, {@code
 * WAYMARK_SNS_ENDPOINT}; for the links of emails (docs/clicks.md), {@code WAYMARK_CLICK_HOSTS} (the
 * hosts a click may redirect to, comma-separated, {@code *.example.com} for subdomains; empty: no
 * link is rewritten) and {@code WAYMARK_CLICK_LINK_DAYS} (how long click and confirmation links
 * work, default 90). {@code inLambda} is whether {@code AWS_LAMBDA_FUNCTION_NAME} is set: a Lambda
 * function without a signing secret fails on first use of a link instead of making up a key.
 */
public record JourneyConfig(
    String roleArn,
    String sendFunctionArn,
    String awaitFunctionArn,
    String stepFunctionArn,
    Duration catalogCache,
    String fromAddress,
    String configurationSet,
    String pushAppArn,
    List<String> smsAllowedPrefixes,
    String publicUrl,
    Optional<String> signingSecretArn,
    Duration unsubscribeLinkLifetime,
    Optional<String> journeyLogGroupArn,
    boolean inLambda,
    FrequencyCaps caps,
    ZoneId defaultZone,
    Optional<URI> sfnEndpoint,
    Optional<URI> sesEndpoint,
    Optional<URI> snsEndpoint,
    RedirectHosts clickHosts,
    Duration clickLinkLifetime) {

  public static JourneyConfig from(Map<String, String> env) {
    return new JourneyConfig(
        env.getOrDefault("WAYMARK_JOURNEY_ROLE_ARN", "arn:aws:iam::000000000000:role/local"),
        env.getOrDefault("WAYMARK_SEND_FUNCTION_ARN", localFunction("SendFunction")),
        env.getOrDefault("WAYMARK_AWAIT_FUNCTION_ARN", localFunction("AwaitFunction")),
        env.getOrDefault("WAYMARK_STEP_FUNCTION_ARN", localFunction("StepFunction")),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("WAYMARK_JOURNEY_CACHE_SECONDS", "30"))),
        env.getOrDefault("WAYMARK_FROM_ADDRESS", "no-reply@example.com"),
        env.getOrDefault("WAYMARK_CONFIGURATION_SET", "waymark"),
        env.getOrDefault(
            "WAYMARK_PUSH_APP_ARN", "arn:aws:sns:us-east-1:000000000000:app/APNS/waymark"),
        Arrays.stream(env.getOrDefault("WAYMARK_SMS_ALLOWED_PREFIXES", "").split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList(),
        env.getOrDefault("WAYMARK_PUBLIC_URL", "http://127.0.0.1:3000"),
        nonBlank(env, "WAYMARK_SIGNING_SECRET_ARN"),
        Duration.ofDays(
            Long.parseLong(
                env.getOrDefault(
                    "WAYMARK_UNSUBSCRIBE_LINK_DAYS",
                    Long.toString(UnsubscribeLinks.DEFAULT_LIFETIME.toDays())))),
        nonBlank(env, "WAYMARK_JOURNEY_LOG_GROUP_ARN"),
        env.containsKey("AWS_LAMBDA_FUNCTION_NAME"),
        FrequencyCaps.fromEnvironment(env),
        ZoneId.of(env.getOrDefault("WAYMARK_DEFAULT_TIMEZONE", "UTC")),
        endpoint(env, "WAYMARK_SFN_ENDPOINT"),
        endpoint(env, "WAYMARK_SES_ENDPOINT"),
        endpoint(env, "WAYMARK_SNS_ENDPOINT"),
        RedirectHosts.parse(env.getOrDefault("WAYMARK_CLICK_HOSTS", "")),
        Duration.ofDays(
            Long.parseLong(
                env.getOrDefault(
                    "WAYMARK_CLICK_LINK_DAYS",
                    Long.toString(ClickLinks.DEFAULT_LIFETIME.toDays())))));
  }

  /** The ARN the local runtime gives a function of template.yaml. */
  public static String localFunction(String logicalId) {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + logicalId;
  }

  private static Optional<URI> endpoint(Map<String, String> env, String name) {
    return nonBlank(env, name).map(URI::create);
  }

  private static Optional<String> nonBlank(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
  }
}
