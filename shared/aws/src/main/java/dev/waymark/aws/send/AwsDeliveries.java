package dev.waymark.aws.send;

import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.send.Deliveries;
import java.util.Map;
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
 */
public record AwsDeliveries(SesV2Client ses, SnsClient sns, Settings settings)
    implements Deliveries {
  /** Where messages come from and how SES/SNS are reached. */
  public record Settings(
      String fromAddress, String configurationSet, String pushPlatformApplicationArn) {}

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
