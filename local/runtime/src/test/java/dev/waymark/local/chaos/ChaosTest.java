package dev.waymark.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.LocalRuntime;
import org.junit.jupiter.api.Test;

/**
 * The chaos program, small: 200 events over 20 people with 10% injected faults (DynamoDB throttling
 * and errors, task failures and time-outs, SES and SNS throttling and errors), 5% duplicates and
 * every event after the first identify shuffled. No event is lost or recorded twice, nothing is
 * sent twice or without consent, every person's identities are on one profile of their own, and the
 * newest trait wins. ({@code ./waymark chaos} runs it with 1,000 people.)
 */
class ChaosTest {
  @Test
  void nothingIsLostDuplicatedOrSentWithoutConsentUnderFaults() throws Exception {
    Chaos.Settings settings = new Chaos.Settings(20, 0.10, 0.05, 25, 7);
    try (LocalRuntime runtime = Chaos.freshRuntime()) {
      ChaosFigures figures = new Chaos(runtime, settings).run();

      assertThat(figures.faultsInjected()).as(figures.printout()).isPositive();
      assertThat(figures.accepted()).as(figures.printout()).hasSize(settings.events());
      assertThat(figures.lost()).as(figures.printout()).isZero();
      assertThat(figures.duplicatedEvents()).as(figures.printout()).isZero();
      assertThat(figures.failedOnTimeline()).as(figures.printout()).isZero();
      assertThat(figures.duplicateSends()).as(figures.printout()).isZero();
      assertThat(figures.sendsWithoutConsent()).as(figures.printout()).isZero();
      assertThat(figures.identityViolations()).as(figures.printout()).isZero();
      assertThat(figures.traitViolations()).as(figures.printout()).isZero();
      assertThat(figures.sends()).as(figures.printout()).isPositive();
    }
  }
}
