package dev.waymark.core.profile;

/**
 * Why processing did not do all an event asked (an identity not linked because of the identity
 * limit, a trait update refused because of the trait limit, ...), kept with the event on the
 * person's timeline so the reason is visible. {@code code} is a stable word; {@code detail} a
 * sentence for people. Never holds identity values or trait values.
 */
public record ProcessingNote(String code, String detail) {
  /** The note when linking identities would take a profile over {@link Profile#MAX_IDENTITIES}. */
  public static final String IDENTITY_LIMIT = "identity_limit";

  /**
   * The note when an event's trait update was refused: the profile's traits would pass {@link
   * TraitLimits#MAX_PROFILE_TRAITS_BYTES}.
   */
  public static final String TRAIT_LIMIT = "trait_limit";

  /**
   * The note when the event's processing merged profiles and left out merged-away traits that did
   * not fit in {@link TraitLimits#MAX_PROFILE_TRAITS_BYTES} (the detail names them).
   */
  public static final String MERGE_TRAITS_DROPPED = "merge_traits_dropped";
}
