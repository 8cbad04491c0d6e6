package dev.waymark.core.profile;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import java.time.Instant;
import java.util.List;

/** Small builders for profiles in the core's unit tests. */
final class TestProfiles {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private TestProfiles() {}

  static Identity anon(String value) {
    return Identity.of(IdentityNamespace.ANONYMOUS_ID, value);
  }

  static Identity user(String value) {
    return Identity.of(IdentityNamespace.USER_ID, value);
  }

  static Profile profile(String id, Instant createdAt, Identity... identities) {
    return Profile.create(id, List.of(identities), createdAt);
  }

  static Instant day(int n) {
    return T0.plusSeconds(86_400L * n);
  }
}
