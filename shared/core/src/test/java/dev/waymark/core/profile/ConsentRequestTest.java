package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ConsentDecision.ConsentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentRequestTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private static List<ConsentRequest.Change> parse(String body) {
    return ConsentRequest.parse(Json.parse(body), NOW);
  }

  private static List<FieldError> errorsOf(String body) {
    try {
      parse(body);
    } catch (ProblemException e) {
      assertThat(e.problem().status()).isEqualTo(400);
      return e.problem().errors();
    }
    throw new AssertionError("expected refusal of " + body);
  }

  @Test
  void parsesEachChangeWithItsTopicAndTime() {
    List<ConsentRequest.Change> changes =
        parse(
            """
        {"consents":[
          {"channel":"email","status":"granted","source":"signup-form"},
          {"channel":"sms","topic":"offers","status":"denied","source":"reply STOP","at":"2026-11-24T09:00:00+01:00"}]}""");
    assertThat(changes)
        .containsExactly(
            new ConsentRequest.Change(
                ConsentChannel.EMAIL,
                null,
                new ConsentDecision(ConsentStatus.granted, "signup-form", NOW)),
            new ConsentRequest.Change(
                ConsentChannel.SMS,
                "offers",
                new ConsentDecision(
                    ConsentStatus.denied, "reply STOP", Instant.parse("2026-11-24T08:00:00Z"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "{\"consents\":[]}", "{\"consents\":{}}", "{\"consents\":\"email\"}"})
  void theConsentsArrayIsRequired(String body) {
    assertThat(errorsOf(body)).extracting(FieldError::field).containsExactly("/consents");
  }

  @Test
  void aMissingBodyIsRefused() {
    assertThatThrownBy(() -> ConsentRequest.parse(null, NOW)).isInstanceOf(ProblemException.class);
  }

  @Test
  void everyInvalidFieldIsNamedByItsPointer() {
    String tooLong = "x".repeat(201);
    List<FieldError> errors =
        errorsOf(
            """
        {"consents":[
          {"channel":"email","status":"granted","source":"ok"},
          {"channel":"fax","status":"maybe","source":"%s","topic":""},
          {"channel":"push","status":"granted","source":42,"topic":"%s"},
          {"channel":"sms","status":"granted","source":"ok","at":"yesterday"}]}"""
                .formatted(tooLong, "t".repeat(101)));
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "/consents/1/channel",
            "/consents/1/status",
            "/consents/1/source",
            "/consents/1/topic",
            "/consents/2/source",
            "/consents/2/topic",
            "/consents/3/at");
  }

  @Test
  void aDecisionDatedInTheFutureIsRefused() {
    assertThat(
            errorsOf(
                """
        {"consents":[{"channel":"email","status":"granted","source":"s","at":"2026-11-24T10:00:01Z"}]}"""))
        .extracting(FieldError::field)
        .containsExactly("/consents/0/at");
    assertThat(
            parse(
                """
        {"consents":[{"channel":"email","status":"granted","source":"s","at":"2026-11-24T10:00:00Z"}]}"""))
        .as("exactly now is allowed")
        .hasSize(1);
  }

  @Test
  void aTimeWithoutAnOffsetIsRefused() {
    assertThat(
            errorsOf(
                """
        {"consents":[{"channel":"email","status":"granted","source":"s","at":"2026-11-24T09:00:00"}]}"""))
        .extracting(FieldError::field)
        .containsExactly("/consents/0/at");
  }
}
