package dev.waymark.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundEventTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

  private static InboundEvent event(String json) {
    return new InboundEvent(Json.parseObject(json), RECEIVED);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"type":"track","event":"Order Completed"}    | Order Completed
      {"type":"page","name":"Pricing"}              | Pricing
      {"type":"page"}                               | Page View
      {"type":"screen","name":"Home"}               | Home
      {"type":"screen"}                             | Screen View
      {"type":"identify","event":"ignored"}         | Identify
      {"type":"alias","name":"ignored"}             | Alias
      """)
  void nameDependsOnTheType(String json, String name) {
    assertThat(event(json).name()).isEqualTo(name);
  }

  @Test
  void identifyAddsNormalisedEmailAndPhoneTraits() {
    InboundEvent identify =
        event(
            """
        {"type":"identify","userId":" U1 ","anonymousId":"a1",
         "traits":{"email":" Sarah@Example.COM ","phone":"+44 (20) 7946-0958"}}""");
    assertThat(identify.identities())
        .containsExactly(
            new Identity(IdentityNamespace.ANONYMOUS_ID, "a1"),
            new Identity(IdentityNamespace.EMAIL, "sarah@example.com"),
            new Identity(IdentityNamespace.PHONE, "+442079460958"),
            new Identity(IdentityNamespace.USER_ID, "U1"));
  }

  @Test
  void identifyReadsContextTraitsWhenThereAreNoTopLevelOnes() {
    InboundEvent identify =
        event(
            "{\"type\":\"identify\",\"userId\":\"u\",\"context\":{\"traits\":{\"email\":\"A@B.C\"}}}");
    assertThat(identify.identities()).contains(new Identity(IdentityNamespace.EMAIL, "a@b.c"));
  }

  @Test
  void otherTypesDoNotTurnTraitsIntoIdentities() {
    InboundEvent track =
        event(
            "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"traits\":{\"email\":\"a@b.c\"}}");
    assertThat(track.identities()).containsExactly(new Identity(IdentityNamespace.USER_ID, "u"));
  }

  @Test
  void theIdentitiesMapAddsKnownNamespacesAndSkipsTheRest() {
    InboundEvent track =
        event(
            """
        {"type":"track","event":"E","anonymousId":"a",
         "identities":{"ecid":"E-1","crmId":" C-9 ","email":"X@Y.Z","pushToken":"tok","fax":"123","phone":42,"ecid2":"x","userId":""}}""");
    assertThat(track.identities())
        .containsExactly(
            new Identity(IdentityNamespace.ANONYMOUS_ID, "a"),
            new Identity(IdentityNamespace.CRM_ID, "C-9"),
            new Identity(IdentityNamespace.ECID, "E-1"),
            new Identity(IdentityNamespace.EMAIL, "x@y.z"),
            new Identity(IdentityNamespace.PUSH_TOKEN, "tok"));
  }

  @Test
  void storedJsonRoundTripsTheEventWithItsTimes() {
    InboundEvent original =
        event(
            """
        {"type":"track","event":"Clicked","messageId":"m-1","userId":"u",
         "properties":{"price":19.99,"tags":["a","b"]},"timestamp":"2026-11-24T09:30:00+01:00"}""");

    InboundEvent back = InboundEvent.fromStoredJson(original.toStoredJson());

    assertThat(back.receivedAt()).isEqualTo(RECEIVED);
    assertThat(back.timestamp()).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
    assertThat(back.messageId()).isEqualTo("m-1");
    assertThat(back.name()).isEqualTo("Clicked");
    assertThat(back.identities()).isEqualTo(original.identities());
    assertThat(back.properties()).isEqualTo(original.properties());
    assertThat(original.body().has("receivedAt")).as("storing does not change the event").isFalse();
  }

  @Test
  void anEventWithoutTimestampIsStoredAsHappeningWhenReceived() {
    InboundEvent back =
        InboundEvent.fromStoredJson(
            event("{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\"}").toStoredJson());
    assertThat(back.timestamp()).isEqualTo(RECEIVED);
    assertThat(back.body().path("timestamp").asText()).isEqualTo(RECEIVED.toString());
  }
}
