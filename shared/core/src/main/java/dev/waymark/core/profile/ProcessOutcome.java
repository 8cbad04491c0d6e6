package dev.waymark.core.profile;

/** What processing one event did: the profile it landed on, and whether it was new. */
public record ProcessOutcome(String profileId, boolean recorded, int merges, boolean createdProfile) {}
