package dev.waymark.core.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Delivery feedback from the providers: the message log learns each message's fate; hard bounces
 * and complaints put the address on the suppression list; opens and clicks become events ({@code
 * Message Opened}, {@code Message Clicked}) on the person's profile, which journeys can wait for
 * (engagement branches) and segments can count. SMS and push delivery reports ({@link
 * Kind#DELIVERY}, {@link Kind#FAILURE}, {@link Kind#OPTED_OUT}) become {@code Message Delivered} /
 * {@code Message Failed} events the same way; an opted-out number is also suppressed for SMS.
 */
public record FeedbackService(MessageLog log, Suppressions suppressions, EventInbox inbox) {
  public enum Kind {
    DELIVERY,
    BOUNCE,
    COMPLAINT,
    OPEN,
    CLICK,
    /** An SMS or push the carrier or push service did not take. */
    FAILURE,
    /** An SMS refused because the number opted out (replied STOP). */
    OPTED_OUT
  }

  /** One piece of feedback about one message. */
  public record Feedback(
      Kind kind,
      String providerMessageId,
      Channel channel,
      String recipient,
      boolean permanent,
      Map<String, String> tags,
      String link,
      Instant at) {}

  public void handle(Feedback feedback) {
    log.updateStatus(
        feedback.providerMessageId(), feedback.kind().name().toLowerCase(), feedback.at());
    switch (feedback.kind()) {
      case BOUNCE -> {
        if (feedback.permanent()) {
          suppressions.suppress(feedback.channel(), feedback.recipient(), "hard bounce");
        }
      }
      case COMPLAINT ->
          suppressions.suppress(feedback.channel(), feedback.recipient(), "complaint");
      case OPEN -> engagement(feedback, ReservedEvents.MESSAGE_OPENED);
      case CLICK -> engagement(feedback, ReservedEvents.MESSAGE_CLICKED);
      case DELIVERY -> {
        // for email the log update above is all a delivery needs (opens and clicks say more)
        if (feedback.channel() != Channel.email) {
          delivery(feedback, ReservedEvents.MESSAGE_DELIVERED, "delivered");
        }
      }
      case FAILURE -> delivery(feedback, ReservedEvents.MESSAGE_FAILED, "failed");
      case OPTED_OUT -> {
        suppressions.suppress(feedback.channel(), feedback.recipient(), "opted out");
        delivery(feedback, ReservedEvents.MESSAGE_FAILED, "opted_out");
      }
    }
  }

  /**
   * An SMS or push report on the person's profile, found by the address it went to (the phone
   * number, or the push token); the journey, run and step come from the message log, so a message
   * the log does not know (a test send) is nobody's engagement.
   */
  private void delivery(Feedback feedback, String eventName, String status) {
    if (feedback.channel() == Channel.email) {
      return;
    }
    Optional<MessageLog.Sent> sent = log.sent(feedback.providerMessageId());
    if (sent.isEmpty() || feedback.recipient() == null || feedback.recipient().isBlank()) {
      return;
    }
    ObjectNode properties =
        Json.object()
            .put("messageId", feedback.providerMessageId())
            .put("channel", feedback.channel().name())
            .put("status", status)
            .put("journeyId", sent.get().journeyId())
            .put("runId", sent.get().runId())
            .put("stepId", sent.get().stepId())
            .put("templateId", sent.get().templateId());
    ObjectNode body =
        Json.object()
            .put("type", "track")
            .put("event", eventName)
            .put("messageId", "feedback:" + feedback.providerMessageId() + ":" + status)
            .put("timestamp", feedback.at().toString());
    body.putObject("identities")
        .put(feedback.channel() == Channel.sms ? "phone" : "pushToken", feedback.recipient());
    body.set("properties", properties);
    // a carrier's report is not something the person did: it never counts as their activity ("*")
    body.putObject("context").putObject(ReservedEvents.CONTEXT_KEY).put("internal", true);
    inbox.accept(new InboundEvent(body, feedback.at()), "feedback");
  }

  /**
   * Only email reports opens and clicks (SES); the person is found by the address it went to. A
   * test message (tag {@code test=true}, see docs/templates.md) is nobody's engagement.
   */
  private void engagement(Feedback feedback, String eventName) {
    if (feedback.channel() != Channel.email || "true".equals(feedback.tags().get("test"))) {
      return;
    }
    ObjectNode properties =
        Json.object()
            .put("messageId", feedback.providerMessageId())
            .put("channel", feedback.channel().name());
    feedback.tags().forEach(properties::put);
    if (feedback.link() != null) {
      properties.put("link", feedback.link());
    }
    ObjectNode body =
        Json.object()
            .put("type", "track")
            .put("event", eventName)
            .put(
                "messageId",
                "feedback:"
                    + feedback.providerMessageId()
                    + ":"
                    + feedback.kind().name().toLowerCase()
                    + (feedback.link() == null
                        ? ""
                        : ":" + Integer.toHexString(feedback.link().hashCode())))
            .put("timestamp", feedback.at().toString());
    body.putObject("identities").put("email", feedback.recipient());
    body.set("properties", properties);
    inbox.accept(new InboundEvent(body, feedback.at()), "feedback");
  }
}
