package dev.waymark.core.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of identifier a person can be known by. Anonymous ones (a browser's anonymousId, an
 * Experience Cloud ID) never decide which profile survives a merge; known ones do.
 */
public enum IdentityNamespace {
  USER_ID("userId", true),
  EMAIL("email", true),
  PHONE("phone", true),
  CRM_ID("crmId", true),
  PUSH_TOKEN("pushToken", false),
  ECID("ecid", false),
  ANONYMOUS_ID("anonymousId", false);

  private final String key;
  private final boolean known;

  IdentityNamespace(String key, boolean known) {
    this.key = key;
    this.known = known;
  }

  /** The name used on the wire, in keys and in query parameters. */
  public String key() {
    return key;
  }

  /** True when this identifier names a known customer rather than a device or visit. */
  public boolean known() {
    return known;
  }

  public static Optional<IdentityNamespace> fromKey(String key) {
    return Arrays.stream(values()).filter(ns -> ns.key.equals(key)).findFirst();
  }

  /** Normalises a raw value so that the same person's identifier always has one spelling. */
  public String normalise(String raw) {
    String trimmed = raw.trim();
    return switch (this) {
      case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
      case PHONE -> trimmed.replaceAll("[\\s().-]", "");
      default -> trimmed;
    };
  }
}
