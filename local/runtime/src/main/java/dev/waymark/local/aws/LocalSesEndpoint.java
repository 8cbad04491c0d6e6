package dev.waymark.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The SESv2 SendEmail operation ({@code POST /v2/email/outbound-emails}, restJson1), enough for the
 * AWS SDK v2 {@code SesV2Client}: the message goes to the outbox and its id is returned. Delivery
 * feedback is reported to {@code feedback} as SES would publish it through the configuration set:
 * Delivery, or Bounce/Complaint for SES's mailbox-simulator addresses.
 */
final class LocalSesEndpoint {
  private final Outbox outbox;
  private final BiConsumer<Outbox.Message, String> feedback;

  LocalSesEndpoint(Outbox outbox, BiConsumer<Outbox.Message, String> feedback) {
    this.outbox = outbox;
    this.feedback = feedback;
  }

  AwsResponse sendEmail(String body) {
    JsonNode request = Json.parse(body);
    JsonNode simple = request.path("Content").path("Simple");
    String to = request.path("Destination").path("ToAddresses").path(0).asText("");
    if (to.isEmpty() || simple.isMissingNode()) {
      return AwsResponse.json(
          400,
          "{\"__type\":\"BadRequestException\",\"message\":\"Destination and Content.Simple are required\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    simple
        .path("Headers")
        .forEach(h -> headers.put(h.path("Name").asText(), h.path("Value").asText()));
    Map<String, String> tags = new LinkedHashMap<>();
    request
        .path("EmailTags")
        .forEach(t -> tags.put(t.path("Name").asText(), t.path("Value").asText()));
    Outbox.Message message =
        outbox.add(
            "email",
            to,
            simple.path("Subject").path("Data").asText(null),
            simple.path("Body").path("Text").path("Data").asText(null),
            simple.path("Body").path("Html").path("Data").asText(null),
            headers,
            tags);
    feedback.accept(message, feedbackFor(to));
    return AwsResponse.json(200, Json.write(Map.of("MessageId", message.id())));
  }

  /**
   * SES's mailbox simulator: bounce@ and complaint@simulator.amazonses.com; everything else is
   * delivered.
   */
  private static String feedbackFor(String to) {
    if (to.startsWith("bounce@simulator.amazonses.com")) {
      return "Bounce";
    }
    if (to.startsWith("complaint@simulator.amazonses.com")) {
      return "Complaint";
    }
    return "Delivery";
  }
}
