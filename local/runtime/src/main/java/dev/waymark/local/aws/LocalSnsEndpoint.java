package dev.waymark.local.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The SNS operations the functions call (awsQuery protocol: form-encoded POST, XML answers):
 * Publish (SMS to a phone number, or push to a platform endpoint) and CreatePlatformEndpoint.
 */
final class LocalSnsEndpoint {
  private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";
  private final Outbox outbox;
  private final Map<String, String> endpointTokens = new java.util.concurrent.ConcurrentHashMap<>();

  LocalSnsEndpoint(Outbox outbox) {
    this.outbox = outbox;
  }

  AwsResponse handle(String formBody) {
    Map<String, String> form = parse(formBody);
    return switch (form.getOrDefault("Action", "")) {
      case "Publish" -> publish(form);
      case "CreatePlatformEndpoint" -> createPlatformEndpoint(form);
      default ->
          error("InvalidAction", "the local SNS endpoint does not implement " + form.get("Action"));
    };
  }

  private AwsResponse publish(Map<String, String> form) {
    String phone = form.get("PhoneNumber");
    String target = form.get("TargetArn");
    if (phone == null && target == null) {
      return error("InvalidParameter", "PhoneNumber or TargetArn is required");
    }
    String channel = phone != null ? "sms" : "push";
    String recipient = phone != null ? phone : endpointTokens.getOrDefault(target, target);
    Outbox.Message message =
        outbox.add(channel, recipient, null, form.get("Message"), null, Map.of(), tags(form));
    return xml("Publish", "<MessageId>" + message.id() + "</MessageId>");
  }

  /**
   * Message attributes named {@code waymark.<tag>} ({@code
   * MessageAttributes.entry.N.Name/Value.StringValue}).
   */
  private static Map<String, String> tags(Map<String, String> form) {
    Map<String, String> tags = new LinkedHashMap<>();
    form.forEach(
        (key, value) -> {
          if (key.startsWith("MessageAttributes.entry.")
              && key.endsWith(".Name")
              && value.startsWith("waymark.")) {
            String prefix = key.substring(0, key.length() - ".Name".length());
            tags.put(value.substring("waymark.".length()), form.get(prefix + ".Value.StringValue"));
          }
        });
    return tags;
  }

  private AwsResponse createPlatformEndpoint(Map<String, String> form) {
    String token = form.get("Token");
    String arn =
        form.get("PlatformApplicationArn").replace(":app/", ":endpoint/")
            + "/"
            + UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8));
    endpointTokens.put(arn, token);
    return xml("CreatePlatformEndpoint", "<EndpointArn>" + arn + "</EndpointArn>");
  }

  private static AwsResponse xml(String action, String result) {
    return new AwsResponse(
        200,
        "text/xml",
        "<"
            + action
            + "Response xmlns=\""
            + XMLNS
            + "\"><"
            + action
            + "Result>"
            + result
            + "</"
            + action
            + "Result><ResponseMetadata><RequestId>"
            + UUID.randomUUID()
            + "</RequestId></ResponseMetadata></"
            + action
            + "Response>");
  }

  private static AwsResponse error(String code, String message) {
    return new AwsResponse(
        400,
        "text/xml",
        "<ErrorResponse xmlns=\""
            + XMLNS
            + "\"><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error><RequestId>"
            + UUID.randomUUID()
            + "</RequestId></ErrorResponse>");
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      if (!kv[0].isEmpty()) {
        form.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return form;
  }
}
