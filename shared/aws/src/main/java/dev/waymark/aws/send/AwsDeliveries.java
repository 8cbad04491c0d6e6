package dev.waymark.aws.send;

import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.send.Deliveries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Email through SESv2 (HTML and text, the configuration set that publishes delivery feedback, RFC
 * 8058 one-click unsubscribe headers, the ids as message tags); SMS through SNS (transactional by
 * default, since journeys send to people who acted); mobile push through an SNS platform endpoint
 * created (idempotently) for the app's push token.
 *
 * <p>The guard IAM cannot give (docs/security.md#what-each-role-may-do): {@code sns:Publish} to a
 * phone number cannot be scoped to numbers, so {@link #refusal} lets SMS go only to E.164 numbers
 * and, when {@code smsAllowedPrefixes} is not empty, only to numbers starting with one of them
 * (e.g. {@code +44}); push goes only through the configured platform application, and only to an
 * endpoint of that application.
 */
public record AwsDeliveries(SesV2Client ses, SnsClient sns, Settings settings)
    implements Deliveries {
  /** Where messages come from and how SES/SNS are reached. */
  public record Settings(
      String fromAddress,
      String configurationSet,
      String pushPlatformApplicationArn,
      List<String> smsAllowedPrefixes) {
    public Settings {
      smsAllowedPrefixes = List.copyOf(smsAllowedPrefixes);
    }

    /** Any E.164 number may receive SMS. */
    public Settings(
        String fromAddress, String configurationSet, String pushPlatformApplicationArn) {
      this(fromAddress, configurationSet, pushPlatformApplicationArn, List.of());
    }
  }

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  @Override
  public Optional<String> refusal(Channel channel, String address) {
    return switch (channel) {
      case email -> Optional.empty();
      case sms -> {
        if (!E164.matcher(address).matches()) {
          yield Optional.of("SMS goes only to E.164 phone numbers");
        }
        yield settings.smsAllowedPrefixes().isEmpty()
                || settings.smsAllowedPrefixes().stream().anyMatch(address::startsWith)
            ? Optional.empty()
            : Optional.of(
                "SMS goes only to numbers starting with "
                    + String.join(", ", settings.smsAllowedPrefixes())
                    + " (WAYMARK_SMS_ALLOWED_PREFIXES)");
      }
      case push ->
          settings.pushPlatformApplicationArn() == null
                  || !settings.pushPlatformApplicationArn().contains(":app/")
              ? Optional.of("no push platform application is configured")
              : Optional.empty();
    };
  }

  @Override
  public String deliver(
      Channel channel, String address, RenderedMessage message, Map<String, String> tags) {
    return switch (channel) {
      case email -> email(address, message, tags);
      case sms ->
          sns.publish(
                  r ->
                      r.phoneNumber(address)
                          .message(message.text())
                          .messageAttributes(
                              attributes(
                                  tags, Map.of("AWS.SNS.SMS.SMSType", text("Transactional")))))
              .messageId();
      case push -> push(address, message, tags);
    };
  }

  private String email(String address, RenderedMessage message, Map<String, String> tags) {
    return ses.sendEmail(
            r ->
                r.fromEmailAddress(settings.fromAddress())
                    .destination(d -> d.toAddresses(address))
                    .configurationSetName(settings.configurationSet())
                    .emailTags(
                        tags.entrySet().stream()
                            .map(
                                e ->
                                    MessageTag.builder()
                                        .name(e.getKey())
                                        .value(e.getValue())
                                        .build())
                            .toList())
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data(message.subject()).charset("UTF-8"))
                                        .body(
                                            b -> {
                                              if (message.html() != null) {
                                                b.html(
                                                    h -> h.data(message.html()).charset("UTF-8"));
                                              }
                                              if (message.text() != null) {
                                                b.text(
                                                    t -> t.data(message.text()).charset("UTF-8"));
                                              }
                                            })
                                        .headers(
                                            MessageHeader.builder()
                                                .name("List-Unsubscribe")
                                                .value("<" + message.unsubscribeUrl() + ">")
                                                .build(),
                                            MessageHeader.builder()
                                                .name("List-Unsubscribe-Post")
                                                .value("List-Unsubscribe=One-Click")
                                                .build()))))
        .messageId();
  }

  /** The ids travel as message attributes ({@code waymark.<tag>}), as SES tags do for email. */
  private static Map<String, MessageAttributeValue> attributes(
      Map<String, String> tags, Map<String, MessageAttributeValue> more) {
    Map<String, MessageAttributeValue> attributes = new java.util.HashMap<>(more);
    tags.forEach((k, v) -> attributes.put("waymark." + k, text(v)));
    return attributes;
  }

  private String push(String token, RenderedMessage message, Map<String, String> tags) {
    String endpoint =
        sns.createPlatformEndpoint(
                r -> r.platformApplicationArn(settings.pushPlatformApplicationArn()).token(token))
            .endpointArn();
    String ownEndpoints =
        settings.pushPlatformApplicationArn().replace(":app/", ":endpoint/") + "/";
    if (!endpoint.startsWith(ownEndpoints)) {
      throw new IllegalStateException(
          "SNS answered an endpoint outside the configured application");
    }
    String title = message.subject() == null ? "" : message.subject();
    return sns.publish(
            r ->
                r.targetArn(endpoint)
                    .message(title.isEmpty() ? message.text() : title + "\n" + message.text())
                    .messageAttributes(attributes(tags, Map.of())))
        .messageId();
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
