package dev.waymark.local.aws;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.send.FeedbackService;
import dev.waymark.functions.feedback.DeliveryStatusHandler;
import dev.waymark.local.functions.LocalLambdaContext;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import dev.waymark.local.http.PercentDecoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * {@code POST /_local/outbox/{id}/delivery} with {@code
 * {"status":"delivered"|"failed"|"opted_out"}}: the carrier's (SMS) or push service's report on an
 * outbox message, written as Amazon SNS writes its delivery status logs and handed, as the
 * CloudWatch Logs subscription would, to the same {@link DeliveryStatusHandler} Lambda runs. Only
 * SMS and push messages have such reports.
 */
public record DeliveryReportRoutes(Outbox outbox, FeedbackService feedback, Clock clock)
    implements LocalRoutes {
  private static final Map<String, String> RESPONSES =
      Map.of(
          "delivered", "Message has been accepted by phone carrier",
          "failed", "Unknown error attempting to reach phone",
          "opted_out", "Phone is currently opted out");
  private static final DateTimeFormatter SNS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    String[] parts = request.path().split("/");
    if (parts.length != 5
        || !request.path().startsWith("/_local/outbox/")
        || !parts[4].equals("delivery")
        || !request.method().equals("POST")) {
      return Optional.empty();
    }
    String id = PercentDecoding.decode(parts[3], false, "id");
    String status = status(request.body());
    Optional<Outbox.Message> message = outbox.find(id);
    if (message.isEmpty()) {
      throw ProblemException.notFound("id: no such message in the outbox");
    }
    if (message.get().channel().equals("email")) {
      return Optional.of(
          LocalResponse.problem(
              Problem.invalidField(
                  "id", "an email: SES reports it (open and click through /open, /click)")));
    }
    new DeliveryStatusHandler(feedback, Telemetry.quiet())
        .handleRequest(event(message.get(), status), LocalLambdaContext.of("DeliveryStatus"));
    return Optional.of(LocalResponse.json(202, "{\"reported\":\"" + status + "\"}"));
  }

  private static String status(String body) {
    JsonNode parsed = body == null || body.isBlank() ? null : StrictJson.parse(body, "/", 8192);
    JsonNode status = parsed == null ? null : parsed.get("status");
    if (status == null || !status.isTextual() || !RESPONSES.containsKey(status.asText())) {
      throw ProblemException.invalidField("/status", "delivered, failed or opted_out");
    }
    return status.asText();
  }

  /** The SNS delivery status record, in a CloudWatch Logs subscription payload. */
  private CloudWatchLogsEvent event(Outbox.Message message, String status) {
    boolean push = message.channel().equals("push");
    ObjectNode record = Json.object();
    record
        .putObject("notification")
        .put("messageId", message.id())
        .put("timestamp", SNS_TIME.format(clock.instant()));
    ObjectNode delivery =
        record
            .putObject("delivery")
            .put("providerResponse", RESPONSES.get(status))
            .put(
                "destination",
                push
                    ? "arn:aws:sns:local:000000000000:endpoint/APNS/waymark/1"
                    : message.recipient());
    if (push) {
      delivery.put("token", message.recipient());
    }
    record.put("status", status.equals("delivered") ? "SUCCESS" : "FAILURE");
    String group =
        "sns/local/000000000000/"
            + (push ? "app/APNS/waymark" : "DirectPublishToPhoneNumber")
            + (status.equals("delivered") ? "" : "/Failure");
    ObjectNode batch =
        Json.object()
            .put("messageType", "DATA_MESSAGE")
            .put("owner", "000000000000")
            .put("logGroup", group)
            .put("logStream", message.id());
    batch
        .putArray("logEvents")
        .addObject()
        .put("id", message.id())
        .put("timestamp", clock.millis())
        .put("message", Json.write(record));
    CloudWatchLogsEvent.AWSLogs logs = new CloudWatchLogsEvent.AWSLogs();
    logs.setData(gzipBase64(Json.write(batch)));
    CloudWatchLogsEvent event = new CloudWatchLogsEvent();
    event.setAwsLogs(logs);
    return event;
  }

  private static String gzipBase64(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
