package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The local runtime's virtual clock routes. Its own runtime: advancing time affects everything in
 * it.
 */
class ClockRoutesTest extends LocalRuntimeFixture {

  @Test
  void theVirtualClockAdvancesOnRequest() {
    Instant before = Instant.parse(api.get("/_local/clock").body().path("now").asText());
    LocalApi.Answer advanced = api.post("/_local/clock/advance", "{\"by\":\"P90D\"}");
    assertThat(advanced.status()).isEqualTo(200);
    assertThat(Instant.parse(advanced.body().path("now").asText()))
        .isEqualTo(before.plusSeconds(90L * 24 * 3600));
    assertThat(runtime.clock().instant()).isEqualTo(before.plusSeconds(90L * 24 * 3600));
    LocalApi.Answer bad = api.post("/_local/clock/advance", "{\"by\":\"tomorrow\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asText()).isEqualTo("/by");
  }
}
