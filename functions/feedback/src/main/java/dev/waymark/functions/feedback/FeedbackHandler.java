package dev.waymark.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.FeedbackService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES delivery feedback, published by the journeys' configuration set to an SNS topic: each
 * notification is an SES event (Delivery, Bounce, Complaint, Open, Click) about one message, whose
 * tags name the profile, journey, run and step that sent it.
 */
public record FeedbackHandler(FeedbackService feedback, Telemetry telemetry)
    implements RequestHandler<SNSEvent, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackHandler.class);

  public FeedbackHandler() {
    this(Composition.journeyFunction().feedback(), Telemetry.powertools());
  }

  @Override
  public Void handleRequest(SNSEvent event, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          for (SNSEvent.SNSRecord record : event.getRecords()) {
            parse(Json.parse(record.getSNS().getMessage()))
                .ifPresentOrElse(
                    f -> {
                      feedback.handle(f);
                      telemetry.count("Feedback_" + f.kind().name().toLowerCase(), 1);
                    },
                    () -> LOG.warn("ignored a notification that is not an SES event"));
          }
          return null;
        });
  }

  /**
   * Reads an SES event (the event publishing format, {@code eventType} or {@code
   * notificationType}).
   */
  static Optional<FeedbackService.Feedback> parse(JsonNode ses) {
    String type = ses.path("eventType").asText(ses.path("notificationType").asText(""));
    FeedbackService.Kind kind;
    try {
      kind = FeedbackService.Kind.valueOf(type.toUpperCase());
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
    JsonNode mail = ses.path("mail");
    Map<String, String> tags = new LinkedHashMap<>();
    mail.path("tags")
        .fields()
        .forEachRemaining(
            t -> {
              if (!t.getKey().startsWith("ses:")) {
                tags.put(t.getKey(), t.getValue().path(0).asText());
              }
            });
    String recipient = mail.path("destination").path(0).asText();
    boolean permanent = "Permanent".equals(ses.path("bounce").path("bounceType").asText());
    String link = ses.path("click").path("link").asText(null);
    String when =
        ses.path(type.toLowerCase()).path("timestamp").asText(mail.path("timestamp").asText(null));
    return Optional.of(
        new FeedbackService.Feedback(
            kind,
            mail.path("messageId").asText(),
            Channel.email,
            recipient,
            permanent,
            tags,
            link,
            when == null ? Instant.now() : Instant.parse(when)));
  }
}
