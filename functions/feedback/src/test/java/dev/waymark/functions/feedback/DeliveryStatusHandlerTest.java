package dev.waymark.functions.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.message.Channel;
import dev.waymark.core.send.FeedbackService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * SNS delivery status log records (the shapes Amazon SNS writes to CloudWatch Logs for SMS and for
 * mobile push) read into feedback, and the subscription payload decoded.
 */
class DeliveryStatusHandlerTest {
  static final String SMS_DELIVERED =
      """
      {"notification":{"messageId":"34d9b400-c6dd-5444-820d-fbeb0f1f54cf","timestamp":"2026-11-24 10:40:34.558"},
       "delivery":{"phoneCarrier":"My Phone Carrier","mnc":270,"destination":"+48608123456","priceInUSD":0.00645,
        "smsType":"Transactional","mcc":260,"providerResponse":"Message has been accepted by phone carrier",
        "dwellTimeMs":599,"dwellTimeMsUntilDeviceAck":1344},
       "status":"SUCCESS"}""";

  static String smsFailure(String response) {
    return """
        {"notification":{"messageId":"1077257a","timestamp":"2026-11-24 10:40:34.559"},
         "delivery":{"mnc":0,"destination":"+48608123456","priceInUSD":0.00645,"smsType":"Transactional",
          "mcc":0,"providerResponse":"%s","dwellTimeMs":1420,"dwellTimeMsUntilDeviceAck":1692},
         "status":"FAILURE"}"""
        .formatted(response);
  }

  static final String PUSH_FAILED =
      """
      {"notification":{"messageMD5Sum":"x","messageId":"push-1","timestamp":"2026-11-24 10:40:34.559"},
       "delivery":{"deliveryId":"d-1","destination":"arn:aws:sns:eu-west-1:111122223333:endpoint/APNS/app/1",
        "providerResponse":"{\\"reason\\":\\"BadDeviceToken\\"}","dwellTimeMs":20,"attempts":1,
        "token":"apns-kim","statusCode":400},
       "status":"FAILURE"}""";

  @Test
  void anSmsDeliveredFailedOrOptedOut() {
    FeedbackService.Feedback delivered = DeliveryStatusHandler.parse(SMS_DELIVERED).orElseThrow();
    assertThat(delivered.kind()).isEqualTo(FeedbackService.Kind.DELIVERY);
    assertThat(delivered.channel()).isEqualTo(Channel.sms);
    assertThat(delivered.recipient()).isEqualTo("+48608123456");
    assertThat(delivered.providerMessageId()).isEqualTo("34d9b400-c6dd-5444-820d-fbeb0f1f54cf");
    assertThat(delivered.at()).isEqualTo(Instant.parse("2026-11-24T10:40:34.558Z"));
    assertThat(
            DeliveryStatusHandler.parse(smsFailure("Unknown error attempting to reach phone"))
                .orElseThrow()
                .kind())
        .isEqualTo(FeedbackService.Kind.FAILURE);
    assertThat(
            DeliveryStatusHandler.parse(smsFailure("Phone is currently opted out"))
                .orElseThrow()
                .kind())
        .isEqualTo(FeedbackService.Kind.OPTED_OUT);
  }

  @Test
  void aPushFailureIsAboutTheToken() {
    FeedbackService.Feedback failed = DeliveryStatusHandler.parse(PUSH_FAILED).orElseThrow();
    assertThat(failed.kind()).isEqualTo(FeedbackService.Kind.FAILURE);
    assertThat(failed.channel()).isEqualTo(Channel.push);
    assertThat(failed.recipient()).isEqualTo("apns-kim");
  }

  @Test
  void whatIsNotADeliveryStatusIsIgnored() {
    assertThat(DeliveryStatusHandler.parse("START RequestId: 1")).isEmpty();
    assertThat(DeliveryStatusHandler.parse("{\"status\":\"SUCCESS\"}")).isEmpty();
    assertThat(DeliveryStatusHandler.parse(SMS_DELIVERED.replace("SUCCESS", "PENDING"))).isEmpty();
  }

  @Test
  void theSubscriptionPayloadIsGzippedBase64() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(
          "{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[]}"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(
            DeliveryStatusHandler.decode(Base64.getEncoder().encodeToString(bytes.toByteArray()))
                .path("messageType")
                .asText())
        .isEqualTo("CONTROL_MESSAGE");
  }
}
