package dev.waymark.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.FeedbackService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS and push delivery reports. Amazon SNS logs the delivery status of every SMS (log groups
 * {@code sns/<region>/<account>/DirectPublishToPhoneNumber} and {@code .../Failure}) and of every
 * push to the platform application ({@code sns/<region>/<account>/app/<platform>/<name>} and {@code
 * .../Failure}) to CloudWatch Logs; a subscription filter on each group invokes this handler with
 * the records (gzip, base64). Each record becomes a {@link FeedbackService.Feedback}: {@code
 * SUCCESS} a delivery, {@code FAILURE} a failure, or an opt-out when the carrier says the phone
 * opted out. Records are read for ids, status and the destination only; nothing is logged.
 */
public record DeliveryStatusHandler(FeedbackService feedback, Telemetry telemetry)
    implements RequestHandler<CloudWatchLogsEvent, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusHandler.class);
  private static final DateTimeFormatter SNS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT);

  public DeliveryStatusHandler() {
    this(Composition.journeyFunction().feedback(), Telemetry.powertools());
  }

  @Override
  public Void handleRequest(CloudWatchLogsEvent event, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode batch = decode(event.getAwsLogs().getData());
          if (!"DATA_MESSAGE".equals(batch.path("messageType").asText())) {
            return null; // CloudWatch Logs' CONTROL_MESSAGE when the subscription is made
          }
          for (JsonNode record : batch.path("logEvents")) {
            parse(record.path("message").asText(""))
                .ifPresentOrElse(
                    f -> {
                      feedback.handle(f);
                      telemetry.count("Feedback_" + f.kind().name().toLowerCase(), 1);
                    },
                    () -> LOG.warn("ignored a log record that is not an SNS delivery status"));
          }
          return null;
        });
  }

  /** CloudWatch Logs' subscription payload: base64 of the gzip of the JSON batch. */
  static JsonNode decode(String data) {
    try (GZIPInputStream gzip =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data)))) {
      return Json.parse(new String(gzip.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("not a CloudWatch Logs subscription payload", e);
    }
  }

  /**
   * One SNS delivery status record: {@code notification.messageId} (the id Publish answered),
   * {@code status}, {@code delivery.destination} (the phone number) or {@code delivery.token} (the
   * push token, with the endpoint ARN as destination), {@code delivery.providerResponse}.
   */
  static Optional<FeedbackService.Feedback> parse(String message) {
    JsonNode status;
    try {
      status = Json.parse(message);
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
    String messageId = status.path("notification").path("messageId").asText("");
    String outcome = status.path("status").asText("");
    JsonNode delivery = status.path("delivery");
    if (messageId.isBlank() || !(outcome.equals("SUCCESS") || outcome.equals("FAILURE"))) {
      return Optional.empty();
    }
    boolean push = delivery.hasNonNull("token");
    String recipient =
        push ? delivery.path("token").asText() : delivery.path("destination").asText();
    String response = delivery.path("providerResponse").asText("").toLowerCase(Locale.ROOT);
    FeedbackService.Kind kind =
        outcome.equals("SUCCESS")
            ? FeedbackService.Kind.DELIVERY
            : !push && response.contains("opted out")
                ? FeedbackService.Kind.OPTED_OUT
                : FeedbackService.Kind.FAILURE;
    return Optional.of(
        new FeedbackService.Feedback(
            kind,
            messageId,
            push ? Channel.push : Channel.sms,
            recipient,
            kind != FeedbackService.Kind.DELIVERY,
            Map.of(),
            null,
            time(status.path("notification").path("timestamp").asText(""))));
  }

  /** SNS writes {@code 2016-06-28 00:40:34.558} in UTC; an ISO instant is read too. */
  private static Instant time(String text) {
    try {
      return LocalDateTime.parse(text, SNS_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notSnsFormat) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException none) {
        return Instant.now();
      }
    }
  }
}
