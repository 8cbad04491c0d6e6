package dev.waymark.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedEventsTest {
  @Test
  void matchingIgnoresCaseAndSpacing() {
    assertThat(ReservedEvents.reserved("Lease Close To End")).isTrue();
    assertThat(ReservedEvents.reserved("  lease   close to END ")).isTrue();
    assertThat(ReservedEvents.reserved("message opened")).isTrue();
    assertThat(ReservedEvents.reserved("Lease Closed")).isFalse();
    assertThat(ReservedEvents.reserved("Email Confirmed"))
        .isTrue(); // only the signed confirmation link sends it
    assertThat(ReservedEvents.reserved(null)).isFalse();
  }
}
