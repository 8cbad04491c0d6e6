package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.send.AwsDeliveries;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@link AwsDeliveries}, the real SESv2 and SNS adapter, against moto: what moto's backends hold
 * afterwards (the email, the SMS, the message on the platform endpoint) and the request it accepted
 * (configuration set, List-Unsubscribe headers, tags, SMS type), as its recorder kept it.
 */
class AwsDeliveriesOnMotoIT {
  static final String DOMAIN = "deliveries.carvelo.example";
  static final String CONFIGURATION_SET = "waymark-deliveries";
  static final Map<String, String> TAGS =
      Map.of("journey", "lease-renewal", "run", "run-1", "step", "lease-offer");
  static MotoServer moto;
  static SnsClient sns;
  static AwsDeliveries deliveries;

  @BeforeAll
  static void resources() {
    moto = MotoServer.shared();
    SesV2Client ses = moto.client(SesV2Client.builder());
    sns = moto.client(SnsClient.builder());
    // what template.yaml declares beside the functions: the sender identity, the configuration
    // set that publishes delivery feedback, and (given as a parameter) the push application
    ses.createEmailIdentity(r -> r.emailIdentity(DOMAIN));
    ses.createConfigurationSet(r -> r.configurationSetName(CONFIGURATION_SET));
    String pushApp =
        sns.createPlatformApplication(
                r ->
                    r.name("waymark-deliveries")
                        .platform("GCM")
                        .attributes(Map.of("PlatformCredential", "test-key")))
            .platformApplicationArn();
    deliveries =
        new AwsDeliveries(
            ses, sns, new AwsDeliveries.Settings("offers@" + DOMAIN, CONFIGURATION_SET, pushApp));
  }

  @Test
  void anEmailIsSentWithItsConfigurationSetOneClickUnsubscribeHeadersAndTags() {
    String to = "sarah+" + UUID.randomUUID() + "@example.com";
    RenderedMessage message =
        new RenderedMessage(
            Channel.email,
            "Sarah, your lease ends soon",
            "<p>Hi Sarah</p>",
            "Hi Sarah",
            "https://api.carvelo.example/v1/unsubscribe?t=abc");

    String messageId = deliveries.deliver(Channel.email, to, message, TAGS);

    JsonNode sent = only(moto.models("ses", "Message"), m -> m.path("id").asText(), messageId);
    assertThat(sent.path("source").asText()).isEqualTo("offers@" + DOMAIN);
    assertThat(sent.path("destinations").path("ToAddresses").get(0).asText()).isEqualTo(to);
    assertThat(sent.path("subject").asText()).isEqualTo("Sarah, your lease ends soon");
    assertThat(sent.path("body").asText()).isEqualTo("<p>Hi Sarah</p>");

    JsonNode request =
        moto.recorded("POST", "/v2/email/outbound-emails").stream()
            .map(r -> Json.parse(r.body()))
            .filter(b -> b.path("Destination").path("ToAddresses").get(0).asText().equals(to))
            .findFirst()
            .orElseThrow();
    assertThat(request.path("ConfigurationSetName").asText()).isEqualTo(CONFIGURATION_SET);
    JsonNode simple = request.path("Content").path("Simple");
    assertThat(simple.path("Body").path("Text").path("Data").asText()).isEqualTo("Hi Sarah");
    assertThat(simple.path("Body").path("Html").path("Charset").asText()).isEqualTo("UTF-8");
    Map<String, String> headers = new HashMap<>();
    simple
        .path("Headers")
        .forEach(h -> headers.put(h.path("Name").asText(), h.path("Value").asText()));
    assertThat(headers)
        .containsEntry("List-Unsubscribe", "<https://api.carvelo.example/v1/unsubscribe?t=abc>")
        .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    Map<String, String> tags = new HashMap<>();
    request
        .path("EmailTags")
        .forEach(t -> tags.put(t.path("Name").asText(), t.path("Value").asText()));
    assertThat(tags).isEqualTo(TAGS);
  }

  @Test
  void motoRefusesWhatSesRefusesAnEmailFromAnUnverifiedSender() {
    AwsDeliveries unverified =
        new AwsDeliveries(
            moto.client(SesV2Client.builder()),
            sns,
            new AwsDeliveries.Settings("offers@unverified.example", CONFIGURATION_SET, "unused"));
    RenderedMessage message =
        new RenderedMessage(Channel.email, "Hello", null, "Hello", "https://u.example/x");

    assertThatThrownBy(() -> unverified.deliver(Channel.email, "ada@example.com", message, TAGS))
        .isInstanceOf(SesV2Exception.class)
        .hasMessageContaining("not verified");
  }

  @Test
  void anSmsIsPublishedToThePhoneNumberAsTransactionalWithTheIdsAsAttributes() {
    String phone = "+48608123456";
    String text = "Your test drive is tomorrow at 10:30 " + UUID.randomUUID();

    String messageId =
        deliveries.deliver(
            Channel.sms, phone, new RenderedMessage(Channel.sms, null, null, text, null), TAGS);

    JsonNode sms = only(moto.models("sns", "SMS"), m -> m.path("message_id").asText(), messageId);
    assertThat(sms.path("phone_number").asText()).isEqualTo(phone);
    assertThat(sms.path("message").asText()).isEqualTo(text);
    Map<String, String> attributes =
        moto.recorded("POST", "/").stream()
            // SNS's awsQuery requests only: other services' JSON bodies share the path on moto
            .filter(r -> r.body().contains("Action=Publish"))
            .map(r -> form(r.body()))
            .filter(f -> text.equals(f.get("Message")))
            .map(AwsDeliveriesOnMotoIT::messageAttributes)
            .findFirst()
            .orElseThrow();
    assertThat(attributes)
        .containsEntry("AWS.SNS.SMS.SMSType", "Transactional")
        .containsEntry("waymark.journey", "lease-renewal")
        .containsEntry("waymark.step", "lease-offer");
  }

  @Test
  void pushGoesToOnePlatformEndpointPerToken() {
    String token = "fcm-" + UUID.randomUUID();
    RenderedMessage first =
        new RenderedMessage(Channel.push, "Your offer", null, "A private offer inside", null);
    RenderedMessage second = new RenderedMessage(Channel.push, null, null, "See you Monday", null);

    String firstId = deliveries.deliver(Channel.push, token, first, TAGS);
    String secondId = deliveries.deliver(Channel.push, token, second, TAGS);

    List<JsonNode> endpoints =
        moto.models("sns", "PlatformEndpoint").stream()
            .filter(e -> e.path("token").asText().equals(token))
            .toList();
    assertThat(endpoints).hasSize(1);
    JsonNode messages = endpoints.get(0).path("messages");
    assertThat(messages.path(firstId).asText()).isEqualTo("Your offer\nA private offer inside");
    assertThat(messages.path(secondId).asText()).isEqualTo("See you Monday");
  }

  static JsonNode only(
      List<JsonNode> models, java.util.function.Function<JsonNode, String> key, String value) {
    List<JsonNode> matching = models.stream().filter(m -> value.equals(key.apply(m))).toList();
    assertThat(matching).as("moto's records with %s", value).hasSize(1);
    return matching.get(0);
  }

  /** An awsQuery (form-encoded) request body as a map. */
  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** SNS Publish's {@code MessageAttributes.entry.N.Name/Value.StringValue}, as a map. */
  static Map<String, String> messageAttributes(Map<String, String> form) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
      out.put(
          form.get("MessageAttributes.entry." + i + ".Name"),
          form.get("MessageAttributes.entry." + i + ".Value.StringValue"));
    }
    return out;
  }
}
