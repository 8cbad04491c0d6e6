package dev.waymark.local.aws;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.send.FeedbackService;
import dev.waymark.functions.feedback.FeedbackHandler;
import dev.waymark.local.functions.LocalLambdaContext;
import java.time.Clock;
import java.util.List;

/**
 * What SES would publish through the configuration set, locally: an SES event per delivery (or
 * bounce / complaint for the mailbox simulator's addresses), and per open or click asked for
 * through {@code /_local/outbox}, handed to the same feedback function Lambda runs, wrapped in an
 * SNS notification as the topic delivers it.
 */
public final class EmailFeedback {
  private final Clock clock;
  private volatile FeedbackHandler handler;

  public EmailFeedback(Clock clock) {
    this.clock = clock;
  }

  public void deliverTo(FeedbackService feedback) {
    this.handler = new FeedbackHandler(feedback, Telemetry.quiet());
  }

  /**
   * Reports one SES event type (Delivery, Bounce, Complaint, Open, Click) about an outbox email.
   */
  public void report(Outbox.Message message, String eventType) {
    report(message, eventType, null);
  }

  public void report(Outbox.Message message, String eventType, String link) {
    if (handler == null || !"email".equals(message.channel())) {
      return;
    }
    ObjectNode ses = Json.object().put("eventType", eventType);
    ObjectNode mail =
        ses.putObject("mail")
            .put("messageId", message.id())
            .put("timestamp", message.at().toString());
    mail.putArray("destination").add(message.recipient());
    ObjectNode tags = mail.putObject("tags");
    message.tags().forEach((k, v) -> tags.putArray(k).add(v));
    ObjectNode detail =
        ses.putObject(eventType.toLowerCase()).put("timestamp", clock.instant().toString());
    if ("Bounce".equals(eventType)) {
      detail.put("bounceType", "Permanent");
    }
    if (link != null) {
      detail.put("link", link);
    }
    SNSEvent.SNS sns = new SNSEvent.SNS().withMessage(Json.write(ses)).withType("Notification");
    SNSEvent event =
        new SNSEvent()
            .withRecords(List.of(new SNSEvent.SNSRecord().withSns(sns).withEventSource("aws:sns")));
    handler.handleRequest(event, LocalLambdaContext.of("FeedbackFunction"));
  }
}
