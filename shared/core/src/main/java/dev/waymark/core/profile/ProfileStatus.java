package dev.waymark.core.profile;

/** A live profile is a person; a merged one only redirects to the profile it was merged into. */
public enum ProfileStatus {
  live,
  merged
}
