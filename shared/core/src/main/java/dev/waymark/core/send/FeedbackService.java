package dev.waymark.core.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * Delivery feedback from the providers: the message log learns each message's fate; hard bounces
 * and complaints put the address on the suppression list; opens and clicks become events ({@code
 * Message Opened}, {@code Message Clicked}) on the person's profile, which journeys can wait for
 * (engagement branches) and segments can count.
 */
public record FeedbackService(MessageLog log, Suppressions suppressions, EventInbox inbox) {
  public enum Kind {
    DELIVERY,
    BOUNCE,
    COMPLAINT,
    OPEN,
    CLICK
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
        // the log update above is all a delivery needs
      }
    }
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
