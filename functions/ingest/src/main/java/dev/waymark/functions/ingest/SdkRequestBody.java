package dev.waymark.functions.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The body of an event route as analytics SDKs send it: JSON ({@code application/json}, {@code
 * text/plain} as analytics.js sends it, or no Content-Type), optionally {@code Content-Encoding:
 * gzip} (rudder-sdk-node's default; then any Content-Type is read as JSON). API Gateway hands
 * binary bodies over base64-encoded. At most {@link EventBatchValidator#MAX_BATCH_BYTES} once
 * inflated.
 */
final class SdkRequestBody {
  private SdkRequestBody() {}

  static String read(APIGatewayV2HTTPEvent event) {
    String encoding =
        HttpRequests.header(event, "content-encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    boolean gzip = encoding.equals("gzip");
    if (!gzip && !encoding.isEmpty() && !encoding.equals("identity")) {
      throw refused(
          "Content-Encoding", "must be gzip or absent, not " + encoding, "Unsupported encoding");
    }
    if (!gzip) {
      requireJson(HttpRequests.header(event, "content-type").orElse(""));
    }
    String body = event.getBody() == null ? "" : event.getBody();
    byte[] bytes =
        event.getIsBase64Encoded()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    return new String(gzip ? inflate(bytes) : bytes, StandardCharsets.UTF_8);
  }

  private static void requireJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.isEmpty()
        && !mediaType.equals("application/json")
        && !mediaType.endsWith("+json")
        && !mediaType.equals("text/plain")) {
      throw refused("Content-Type", "must be application/json", "Unsupported media type");
    }
  }

  private static byte[] inflate(byte[] gzipped) {
    int limit = EventBatchValidator.MAX_BATCH_BYTES;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      byte[] inflated = in.readNBytes(limit + 1);
      if (inflated.length > limit) {
        throw new ProblemException(
            Problem.of(
                413, "Payload too large", "a batch may be at most " + limit + " bytes inflated"));
      }
      return inflated;
    } catch (IOException notGzip) {
      throw ProblemException.invalidField(
          "Content-Encoding", "the body is not valid gzip: " + notGzip.getMessage());
    }
  }

  private static ProblemException refused(String field, String message, String title) {
    return new ProblemException(
        new Problem(
            "https://waymark.dev/problems/unsupported-media-type",
            title,
            415,
            field + " " + message,
            List.of(new FieldError(field, message))));
  }
}
