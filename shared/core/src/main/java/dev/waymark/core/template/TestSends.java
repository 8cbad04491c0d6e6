package dev.waymark.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore.StoredTemplate;
import dev.waymark.core.message.TestRecipients;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.send.Deliveries;
import dev.waymark.core.send.PhoneNumbers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/templates/{id}/test-send}: one message rendered with the template's sample data,
 * sent through the real {@link Deliveries} to an address on the account's test list only, tagged
 * {@code test=true} and recorded as a test message — never in a journey's log or counters. Test
 * sends go to email addresses and phone numbers (the test list holds no push tokens).
 */
public record TestSends(
    TemplateRenderer renderer, TestRecipients recipients, Deliveries deliveries, Clock clock) {
  static final int MAX_ADDRESSES = 100;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]+");

  /** What was sent, to whom, from which version. */
  public record Sent(
      String templateId, int version, Channel channel, String to, String messageId) {}

  Sent send(StoredTemplate stored, JsonNode request) {
    Channel channel = channel(request.get("channel"));
    MessageTemplate template = stored.template();
    if (!template.supports(channel)) {
      throw ProblemException.invalidField(
          "/channel", "template " + stored.id() + " has no " + channel + " version");
    }
    JsonNode toNode = request.get("to");
    if (toNode == null || !toNode.isTextual() || toNode.asText().isBlank()) {
      throw ProblemException.invalidField("/to", "required: an address on the test list");
    }
    Optional<String> to = normalise(toNode.asText(), channel);
    if (to.isEmpty()) {
      throw ProblemException.invalidField(
          "/to", "not " + (channel == Channel.email ? "an email address" : "a phone number"));
    }
    if (!recipients.addresses().contains(to.get())) {
      throw ProblemException.invalidField(
          "/to", "not on the test list (PUT /v1/settings/test-recipients)");
    }
    Map<String, Object> data =
        new java.util.HashMap<>(TemplateData.fromSample(stored.document().sample()));
    data.put("address", to.get());
    RenderedMessage message =
        renderer
            .render(template, channel, data)
            .withUnsubscribeUrl(TemplateData.SAMPLE_UNSUBSCRIBE_URL);
    String messageId =
        deliveries.deliver(
            channel,
            to.get(),
            message,
            Map.of(
                "test",
                "true",
                "templateId",
                stored.id(),
                "templateVersion",
                Integer.toString(stored.version())));
    recipients.record(
        new TestRecipients.TestMessage(
            stored.id(), stored.version(), channel, to.get(), messageId, clock.instant()));
    return new Sent(stored.id(), stored.version(), channel, to.get(), messageId);
  }

  private static Channel channel(JsonNode channel) {
    if (channel == null || !channel.isTextual()) {
      throw ProblemException.invalidField("/channel", "required: email or sms");
    }
    return switch (channel.asText()) {
      case "email" -> Channel.email;
      case "sms" -> Channel.sms;
      case "push" ->
          throw ProblemException.invalidField(
              "/channel", "test sends go to email or sms; the test list holds no push tokens");
      default -> throw ProblemException.invalidField("/channel", "email or sms");
    };
  }

  /** An email address lower-cased, or a phone number in E.164; empty when it is neither. */
  static Optional<String> normalise(String address, Channel channel) {
    String trimmed = address.trim();
    return switch (channel) {
      case email ->
          EMAIL.matcher(trimmed).matches()
              ? Optional.of(trimmed.toLowerCase(Locale.ROOT))
              : Optional.empty();
      case sms -> trimmed.startsWith("+") ? PhoneNumbers.toE164(trimmed, null) : Optional.empty();
      case push -> Optional.empty();
    };
  }

  /** The test list of a {@code PUT /v1/settings/test-recipients} body, each address normalised. */
  static List<String> addresses(JsonNode body) {
    JsonNode list = body.get("addresses");
    if (list == null || !list.isArray()) {
      throw ProblemException.invalidField("/addresses", "required: a list of addresses");
    }
    if (list.size() > MAX_ADDRESSES) {
      throw ProblemException.invalidField("/addresses", "at most " + MAX_ADDRESSES + " addresses");
    }
    LinkedHashSet<String> addresses = new LinkedHashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String text = entry.isTextual() ? entry.asText() : "";
      Optional<String> normal =
          text.contains("@") ? normalise(text, Channel.email) : normalise(text, Channel.sms);
      if (normal.isPresent()) {
        addresses.add(normal.get());
      } else {
        errors.add(
            new FieldError(
                "/addresses/" + i, "an email address or a phone number in E.164 (+48...)"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid test list", errors));
    }
    return List.copyOf(addresses);
  }
}
