package dev.waymark.core.event;

import java.util.Locale;
import java.util.Set;

/**
 * The names of every event Waymark itself emits into the inbox. They enter the pipeline only from
 * Waymark (the segment evaluator, the date triggers, audience schedules, API entries, delivery
 * feedback, consent changes, the confirmation link); an event sent with a write key under one of
 * these names is refused at ingest, so nobody can enter a person into a journey, fake a segment
 * change or an email open. Matching ignores case and surrounding white space. The context key
 * {@code waymark} (where Waymark marks its own events as internal) is reserved the same way. See
 * docs/api.md#limits.
 */
public final class ReservedEvents {
  public static final String SEGMENT_ENTERED = "Segment Entered";
  public static final String SEGMENT_EXITED = "Segment Exited";
  public static final String LEASE_CLOSE_TO_END = "Lease Close To End";
  public static final String DATE_TRAIT_REACHED = "Date Trait Reached";
  public static final String AUDIENCE_SCHEDULE_FIRED = "Audience Schedule Fired";
  public static final String JOURNEY_ENTRY_REQUESTED = "Journey Entry Requested";
  public static final String MESSAGE_OPENED = "Message Opened";
  public static final String MESSAGE_CLICKED = "Message Clicked";
  public static final String CONSENT_CHANGED = "Consent Changed";

  /** Sent only by the signed confirmation link (docs/clicks.md), so nobody can fake one. */
  public static final String EMAIL_CONFIRMED = "Email Confirmed";

  public static final String MESSAGE_DELIVERED = "Message Delivered";
  public static final String MESSAGE_FAILED = "Message Failed";

  /** The context object Waymark marks its own events with ({@code context.waymark.internal}). */
  public static final String CONTEXT_KEY = "waymark";

  /** Every reserved name, as Waymark emits it. */
  public static final Set<String> NAMES =
      Set.of(
          SEGMENT_ENTERED,
          SEGMENT_EXITED,
          LEASE_CLOSE_TO_END,
          DATE_TRAIT_REACHED,
          AUDIENCE_SCHEDULE_FIRED,
          JOURNEY_ENTRY_REQUESTED,
          MESSAGE_OPENED,
          MESSAGE_CLICKED,
          CONSENT_CHANGED,
          EMAIL_CONFIRMED,
          MESSAGE_DELIVERED,
          MESSAGE_FAILED);

  private static final Set<String> FOLDED =
      Set.copyOf(NAMES.stream().map(ReservedEvents::fold).toList());

  private ReservedEvents() {}

  /** True when a sender may not use this event name. */
  public static boolean reserved(String name) {
    return name != null && FOLDED.contains(fold(name));
  }

  private static String fold(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
