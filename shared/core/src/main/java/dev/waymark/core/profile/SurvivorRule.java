package dev.waymark.core.profile;

import java.util.Collection;
import java.util.Comparator;

/**
 * Which profile survives when an event links several: a known customer's profile beats an anonymous
 * one; among equals the oldest survives, and the smaller id breaks a tie, so every processor that
 * sees the same profiles picks the same survivor.
 */
public final class SurvivorRule {
  private static final Comparator<Profile> ORDER =
      Comparator.comparing((Profile p) -> !p.known())
          .thenComparing(Profile::createdAt)
          .thenComparing(Profile::id);

  private SurvivorRule() {}

  public static Profile choose(Collection<Profile> candidates) {
    return candidates.stream().min(ORDER).orElseThrow();
  }
}
