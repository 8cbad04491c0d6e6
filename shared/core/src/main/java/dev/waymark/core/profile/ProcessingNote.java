package dev.waymark.core.profile;

/**
 * Why processing did not do all an event asked (an identity not linked because of the identity
 * limit, ...), kept with the event on the person's timeline so the reason is visible. {@code code}
 * is a stable word; {@code detail} a sentence for people. Never holds identity values or traits.
 */
public record ProcessingNote(String code, String detail) {
  /** The note when linking identities would take a profile over {@link Profile#MAX_IDENTITIES}. */
  public static final String IDENTITY_LIMIT = "identity_limit";
}
