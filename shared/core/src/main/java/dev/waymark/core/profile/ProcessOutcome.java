package dev.waymark.core.profile;

/**
 * What processing one event did: the live profile it landed on (as written), whether the event was
 * recorded now (false for a replay of an event already recorded), how many merges it caused,
 * whether it created the profile, and how many merged-away profiles' records it finished moving (a
 * merge whose moves a crash interrupted is finished by the next event of the person).
 */
public record ProcessOutcome(
    Profile profile, boolean recorded, int merges, boolean createdProfile, int movesFinished) {

  public ProcessOutcome(Profile profile, boolean recorded, int merges, boolean createdProfile) {
    this(profile, recorded, merges, createdProfile, 0);
  }

  public String profileId() {
    return profile.id();
  }

  /**
   * True when this event joined profiles together (a merge, or the end of one's moves): the
   * person's memberships and markers must be worked out again from the combined profile.
   */
  public boolean joinedProfiles() {
    return merges > 0 || movesFinished > 0;
  }
}
