package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/segments/{id}/sizes}: a segment's size at the end of each day, from entries and
 * exits on different days of the virtual clock (here consent given and withdrawn, which moves
 * people in and out of {@code email-reachable}).
 */
class SegmentSizesTest extends LocalRuntimeFixture {

  @Test
  void eachDayShowsTheSizeAtItsEnd() {
    // fixture START is 2026-11-24T08:00Z: day 1 two people enter, day 2 one more, day 3 one leaves
    String ana = personWithEmail("sz-ana");
    String ben = personWithEmail("sz-ben");
    String cat = personWithEmail("sz-cat");
    long before = size();
    consent(ana, "granted");
    consent(ben, "granted");
    runtime.advance(Duration.ofDays(1));
    consent(cat, "granted");
    runtime.advance(Duration.ofDays(1));
    consent(ben, "denied");

    LocalApi.Answer answer = api.get("/v1/segments/email-reachable/sizes?days=4");
    assertThat(answer.status()).isEqualTo(200);
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (JsonNode d : answer.body().path("sizes")) {
      sizes.put(d.path("day").asText(), d.path("size").asLong());
    }
    assertThat(sizes)
        .containsExactly(
            Map.entry("2026-11-23", before),
            Map.entry("2026-11-24", before + 2),
            Map.entry("2026-11-25", before + 3),
            Map.entry("2026-11-26", before + 2));
    assertThat(api.get("/v1/segments/email-reachable").body().path("size").asLong())
        .isEqualTo(before + 2);
    assertThat(api.get("/v1/segments/no-such-segment/sizes").status()).isEqualTo(404);
  }

  private String personWithEmail(String userId) {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\""
            + userId
            + "\",\"userId\":\""
            + userId
            + "\",\"traits\":{\"email\":\""
            + userId
            + "@example.com\"}}]}");
    runtime.awaitProcessed();
    return api.get("/v1/profiles?userId=" + userId).body().path("profileId").asText();
  }

  private void consent(String profileId, String status) {
    assertThat(
            api.put(
                    "/v1/profiles/" + profileId + "/consents",
                    "{\"consents\":[{\"channel\":\"email\",\"status\":\""
                        + status
                        + "\",\"source\":\"test\"}]}")
                .status())
        .isEqualTo(200);
    runtime.awaitProcessed();
  }

  private long size() {
    return api.get("/v1/segments/email-reachable").body().path("size").asLong();
  }
}
