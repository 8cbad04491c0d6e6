package dev.waymark.aws.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.message.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard where IAM cannot scope {@code sns:Publish} to phone numbers: what the deliveries refuse
 * before anything is claimed or sent (the clients are never called for a refusal).
 */
class AwsDeliveriesGuardTest {
  static final String APP = "arn:aws:sns:eu-west-1:123456789012:app/APNS/carvelo";

  @Test
  void smsGoesOnlyToE164NumbersWithAConfiguredPrefix() {
    AwsDeliveries anyCountry =
        new AwsDeliveries(null, null, new AwsDeliveries.Settings("a@b.c", "set", APP));
    AwsDeliveries ukAndIreland =
        new AwsDeliveries(
            null, null, new AwsDeliveries.Settings("a@b.c", "set", APP, List.of("+44", "+353")));

    assertThat(anyCountry.refusal(Channel.sms, "+14155550100")).isEmpty();
    assertThat(ukAndIreland.refusal(Channel.sms, "+447700900123")).isEmpty();
    assertThat(ukAndIreland.refusal(Channel.sms, "+353851234567")).isEmpty();
    assertThat(ukAndIreland.refusal(Channel.sms, "+14155550100"))
        .hasValue(
            "SMS goes only to numbers starting with +44, +353 (WAYMARK_SMS_ALLOWED_PREFIXES)");
    for (String notE164 :
        List.of(
            "07700900123", "+0447700900123", "+44 7700 900123", "arn:aws:sns:x:1:topic", "+1")) {
      assertThat(anyCountry.refusal(Channel.sms, notE164))
          .as(notE164)
          .hasValue("SMS goes only to E.164 phone numbers");
    }
    assertThat(anyCountry.refusal(Channel.email, "sarah@example.com")).isEmpty();
  }

  @Test
  void pushGoesOnlyThroughAConfiguredApplication() {
    assertThat(
            new AwsDeliveries(null, null, new AwsDeliveries.Settings("a@b.c", "set", APP))
                .refusal(Channel.push, "device-token"))
        .isEmpty();
    assertThat(
            new AwsDeliveries(null, null, new AwsDeliveries.Settings("a@b.c", "set", ""))
                .refusal(Channel.push, "device-token"))
        .hasValue("no push platform application is configured");
  }
}
