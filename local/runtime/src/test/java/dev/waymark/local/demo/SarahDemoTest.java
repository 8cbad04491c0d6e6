package dev.waymark.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./waymark demo} plays seed 000 as the seed tells it, each line with its time in Sarah's
 * time zone: the account and its confirmation email, the anonymous laptop, the lease email, the
 * click that merges the laptop into her profile, the configuration and its reminder, the test drive
 * (push and SMS on the day), the loan, and the link that confirms her address.
 */
class SarahDemoTest {
  @Test
  void theDemoTellsSeed000InOrderWithHerLocalTimes() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (LocalRuntime runtime =
            LocalRuntime.start(
                LocalRuntime.Options.defaults().withPort(0).startingAt(SarahDemo.START));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      new SarahDemo(runtime, out).play();
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();

    assertThat(text)
        .containsSubsequence(
            "Tue 24 Nov 10:00  Sarah creates her Carvelo account",
            "-> email to sarah@example.com",
            "(account-confirmation / confirm-address)",
            "Wed 25 Nov 20:10  Sarah reads the news on her new laptop",
            "the laptop is an anonymous profile",
            "interested-in-ev-model",
            "(lease-renewal / lease-offer)",
            "clicks \"Build your own\"",
            "recorded Message Clicked",
            "answered 302 to https://carvelo.example.com/build?utm_source=lease-offer&wm_id=",
            "the laptop is hers now",
            "Sarah configures an E-V Model",
            "(configuration-reminder / configuration-reminder)",
            "Sarah books a test drive",
            "(test-drive / test-drive-confirmation)",
            "Mon 30 Nov 07:00    -> push  to apns-5d1e",
            "-> sms   to +48608123456",
            "Mon 30 Nov 11:30  Sarah drives the E-V Model",
            "(car-loan / car-loan-offer)",
            "(loan-application / pre-approval)",
            "(loan-application / sign-request)",
            "(loan-application / confirm-email)",
            "Sarah clicks \"Confirm your email address\"",
            "answered 200 {\"confirmed\":true,\"alreadyConfirmed\":false}; trait emailConfirmed = true");
    String merged =
        lines.stream().filter(l -> l.contains("the laptop is hers now")).findFirst().orElseThrow();
    assertThat(merged).contains("anonymousId=laptop-7f3a", "userId=carvelo-1001", "merged from 1");
    assertThat(lines.stream().filter(l -> l.contains("and so is its browsing")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("interested-in-ev-model"));
  }
}
