package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.message.Channel;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events cursor of {@code GET /v1/profiles/{id}/events} over the local HTTP server: a token
 * signed with the runtime's own key, bound to its profile, working for 24 hours of the virtual
 * clock. Anything else — made with another key, altered, issued for another profile or for another
 * purpose, or expired — is a 400 problem naming {@code cursor}.
 */
class EventCursorsOverHttpTest extends LocalRuntimeFixture {
  static String ada;
  static String bo;

  @BeforeAll
  static void twoPeopleWithEvents() {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 1; i <= 4; i++) {
      batch.append(event("ada", "a" + i, "2026-11-24T07:0" + i + ":00Z")).append(',');
      batch.append(event("bo", "b" + i, "2026-11-24T07:0" + i + ":30Z")).append(i < 4 ? "," : "");
    }
    api.sendEvents(batch.append("]}").toString());
    runtime.awaitProcessed();
    ada = api.get("/v1/profiles?userId=ada").body().path("profileId").asText();
    bo = api.get("/v1/profiles?userId=bo").body().path("profileId").asText();
  }

  private static String event(String userId, String messageId, String timestamp) {
    return "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"%s\",\"userId\":\"%s\",\"timestamp\":\"%s\"}"
        .formatted(messageId, userId, timestamp);
  }

  private static LocalApi.Answer page(String profileId, String cursor) {
    return api.get(
        "/v1/profiles/"
            + profileId
            + "/events?limit=1"
            + (cursor == null ? "" : "&cursor=" + cursor));
  }

  private static String firstCursor(String profileId) {
    String cursor = page(profileId, null).body().path("nextCursor").asText();
    assertThat(cursor).matches("[0-9a-f]{12}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    return cursor;
  }

  private static void refused(LocalApi.Answer answer, String detail) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode error = answer.body().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("cursor");
    assertThat(answer.body().path("detail").asText()).startsWith("cursor: ").contains(detail);
  }

  @Test
  void issuedCursorsPageThroughEveryEventOnceNewestFirst() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      LocalApi.Answer answer = page(ada, cursor);
      assertThat(answer.status()).isEqualTo(200);
      answer.body().path("events").forEach(e -> seen.add(e.path("messageId").asText()));
      cursor =
          answer.body().path("nextCursor").isNull()
              ? null
              : answer.body().path("nextCursor").asText();
    } while (cursor != null);
    assertThat(seen).containsExactly("a4", "a3", "a2", "a1");
  }

  @Test
  void aCursorOfAnotherProfileIsRefused() {
    refused(page(bo, firstCursor(ada)), "not a cursor this API issued for this profile");
  }

  @Test
  void aCursorSignedWithAnotherKeyIsRefusedThoughItNamesARealEvent() {
    String cursor = firstCursor(ada);
    String forged =
        new SignedTokens(KeyRing.fixed(SigningKeys.random()), runtime.clock())
            .sign("cursor", payload(cursor), runtime.clock().instant().plus(Duration.ofHours(1)));
    refused(page(ada, forged), "not a cursor this API issued");
    assertThat(page(ada, cursor).status()).isEqualTo(200);
  }

  @Test
  void anAlteredCursorIsRefused() {
    String cursor = firstCursor(ada);
    String[] parts = cursor.split("\\.");
    long expires = Long.parseLong(body(cursor).substring(0, body(cursor).indexOf('|')));
    String later = withBody(parts, (expires + 86_400 * 365) + "|" + payload(cursor));
    String rebound = withBody(parts, expires + "|" + payload(cursor).replace(ada, bo));
    String badSignature = parts[0] + "." + parts[1] + "." + "A".repeat(parts[2].length());
    for (String altered : List.of(later, rebound, badSignature)) {
      refused(page(ada, altered), "not a cursor this API issued");
    }
    refused(page(bo, rebound), "not a cursor this API issued");
  }

  @Test
  void aTokenTheRuntimeSignedForAnotherPurposeIsNoCursor() {
    String unsubscribe = runtime.journeyServices().unsubscribe().token(ada, Channel.email, null);
    refused(page(ada, unsubscribe), "not a cursor this API issued");
  }

  @Test
  void aCursorWorksFor24HoursOfTheVirtualClock() {
    String cursor = firstCursor(ada);
    Instant issued = runtime.clock().instant();
    runtime.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(page(ada, cursor).status()).isEqualTo(200);
    runtime.advance(Duration.ofSeconds(1));
    assertThat(runtime.clock().instant()).isEqualTo(issued.plus(Duration.ofHours(24)));
    refused(page(ada, cursor), "has expired (cursors work for 24 hours)");
    assertThat(page(ada, firstCursor(ada)).status()).isEqualTo(200);
  }

  /** The signed text of a cursor: its expiry, a bar, then the profile id and the position. */
  private static String body(String cursor) {
    return new String(
        Base64.getUrlDecoder().decode(cursor.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static String payload(String cursor) {
    String body = body(cursor);
    return body.substring(body.indexOf('|') + 1);
  }

  private static String withBody(String[] parts, String body) {
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(body.getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + encoded + "." + parts[2];
  }
}
