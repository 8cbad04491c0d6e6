package dev.waymark.core.profile;

/**
 * What processing one event did: the live profile it landed on (as written), whether the event was
 * recorded now (false for a replay of an event already recorded), how many merges it caused, and
 * whether it created the profile.
 */
public record ProcessOutcome(
    Profile profile, boolean recorded, int merges, boolean createdProfile) {
  public String profileId() {
    return profile.id();
  }
}
