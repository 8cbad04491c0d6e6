package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime on a data folder finds what the previous one left there; --fresh finds nothing. */
class DataFolderRestartTest {
  static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
  static final String EVENT =
      """
      {"batch":[{"type":"identify","messageId":"%s","anonymousId":"kept-1",
                 "traits":{"email":"kept@example.com","firstName":"Kim"},"timestamp":"2026-11-24T07:00:00Z"}]}""";

  @TempDir Path data;

  private LocalRuntime start(boolean fresh) throws Exception {
    return LocalRuntime.start(
        LocalRuntime.Options.defaults().withPort(0).startingAt(START).withData(data, fresh));
  }

  @Test
  void theTableClockWriteKeyOutboxAndSecretsSurviveARestartAndFreshStartsEmpty() throws Exception {
    String writeKey;
    byte[] secret;
    String messageId;
    try (LocalRuntime first = start(false)) {
      LocalApi api = new LocalApi(first);
      assertThat(api.sendEvents(EVENT.formatted("kept-m1")).status()).isEqualTo(202);
      first.awaitProcessed();
      first.advance(Duration.ofDays(3));
      api.put("/v1/settings/test-recipients", "{\"addresses\":[\"qa@carvelo.example\"]}");
      LocalApi.Answer sent =
          api.post(
              "/v1/templates/cart-nudge/test-send",
              "{\"to\":\"qa@carvelo.example\",\"channel\":\"email\"}");
      assertThat(sent.status()).isEqualTo(200);
      assertThat(first.outbox().messages()).hasSize(1);
      messageId = first.outbox().messages().getFirst().id();
      writeKey = first.writeKey();
      secret = first.secrets().bytes("unsubscribe");
    }

    try (LocalRuntime second = start(false)) {
      LocalApi api = new LocalApi(second);
      assertThat(second.writeKey()).isEqualTo(writeKey);
      assertThat(second.clock().instant()).isEqualTo(START.plus(Duration.ofDays(3)));
      assertThat(second.clockFollowsRealTime()).isFalse();
      assertThat(second.secrets().bytes("unsubscribe")).isEqualTo(secret);
      assertThat(second.outbox().messages()).extracting(m -> m.id()).containsExactly(messageId);
      String profile =
          api.get("/v1/profiles?email=kept@example.com").body().path("profileId").asText();
      assertThat(api.get("/v1/profiles/" + profile + "/events").body().path("events"))
          .extracting(e -> e.path("messageId").asText())
          .contains("kept-m1");
      // the kept key still works, and the stream carries on after the last processed record
      assertThat(api.sendEvents(EVENT.formatted("kept-m2")).status()).isEqualTo(202);
      second.awaitProcessed();
      assertThat(api.get("/v1/profiles/" + profile + "/events").body().path("events"))
          .extracting(e -> e.path("messageId").asText())
          .contains("kept-m1", "kept-m2");
      // journeys run again: their state machines were created again from the table's versions
      assertThat(
              api.sendEvents(
                      """
                      {"batch":[{"type":"track","event":"Test Drive Attended","messageId":"kept-m3",
                                 "anonymousId":"kept-1"}]}""")
                  .status())
          .isEqualTo(202);
      second.awaitProcessed();
      assertThat(api.get("/v1/profiles/" + profile + "/journeys").body().path("runs"))
          .anySatisfy(
              run -> {
                assertThat(run.path("journeyId").asText()).isEqualTo("car-loan");
                assertThat(run.path("executionArn").asText()).contains("waymark-car-loan");
              });
      assertThat(second.deadLetterCount()).isZero();
    }

    try (LocalRuntime fresh = start(true)) {
      LocalApi api = new LocalApi(fresh);
      assertThat(fresh.writeKey()).isNotEqualTo(writeKey);
      assertThat(fresh.clock().instant()).isEqualTo(START);
      assertThat(fresh.outbox().messages()).isEmpty();
      assertThat(fresh.secrets().bytes("unsubscribe")).isNotEqualTo(secret);
      assertThat(api.get("/v1/profiles?email=kept@example.com").status()).isEqualTo(404);
    }
  }

  @Test
  void aClockThatFollowsRealTimeKeepsItsLeadAcrossARestart() throws Exception {
    Instant frozenAt;
    Instant followFrom;
    Instant followTo;
    try (LocalRuntime first =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withData(data, false))) {
      first.advance(Duration.ofDays(10)); // stands still from here
      frozenAt = first.clock().instant();
      followFrom = Instant.now();
      assertThat(new LocalApi(first).post("/_local/clock/follow", "").status()).isEqualTo(200);
      followTo = Instant.now();
    }

    try (LocalRuntime second =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withData(data, false))) {
      Instant askedFrom = Instant.now();
      Instant now =
          Instant.parse(new LocalApi(second).get("/_local/clock").body().path("now").asText());
      Instant askedTo = Instant.now();

      // lead = frozenAt - (wall at follow); now = (wall at the request) + lead
      assertThat(second.clockFollowsRealTime()).isTrue();
      assertThat(now)
          .isBetween(
              frozenAt.plus(Duration.between(followTo, askedFrom)),
              frozenAt.plus(Duration.between(followFrom, askedTo)));
    }
  }
}
