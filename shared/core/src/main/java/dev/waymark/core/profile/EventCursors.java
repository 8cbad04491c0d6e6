package dev.waymark.core.profile;

import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.SignedTokens;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@code cursor} of {@code GET /v1/profiles/{id}/events}: the store's page position ({@link
 * ProfileRecords#timeline}) wrapped in a token signed with the link-signing keys ({@link
 * SignedTokens}, purpose {@value #PURPOSE}), binding the profile it was issued for and expiring
 * after {@link #DEFAULT_LIFETIME}. A cursor that was made up, altered, signed with another key,
 * issued for another profile or that has expired is refused with a 400 naming {@code cursor},
 * before the store sees it; the store still checks the position it gets against the table.
 */
public final class EventCursors {
  public static final String PURPOSE = "cursor";
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  /** Far longer than any cursor issued (a few hundred characters); bounds the work on a fake. */
  static final int MAX_LENGTH = 8192;

  private final SignedTokens tokens;
  private final Duration lifetime;
  private final Clock clock;
  private final String subject;

  public EventCursors(SignedTokens tokens, Duration lifetime, Clock clock) {
    this(tokens, lifetime, clock, "profile");
  }

  /**
   * Cursors bound to something other than a profile (such as the day of {@code GET /v1/messages}):
   * {@code subject} names it in the refusal ("not a cursor this API issued for this day").
   */
  public EventCursors(SignedTokens tokens, Duration lifetime, Clock clock, String subject) {
    this.tokens = tokens;
    this.lifetime = lifetime;
    this.clock = clock;
    this.subject = subject;
  }

  /** The cursor to hand out for this page position of this profile; null when there is none. */
  public String issue(String profileId, String position) {
    if (position == null) {
      return null;
    }
    return tokens.sign(PURPOSE, profileId + "\n" + position, clock.instant().plus(lifetime));
  }

  /**
   * The page position a cursor given for this profile stands for; null when none was given.
   *
   * @throws ProblemException (400, field {@code cursor}) unless this API issued the cursor for this
   *     profile less than {@link #DEFAULT_LIFETIME} ago
   */
  public String open(String profileId, String cursor) {
    if (cursor == null) {
      return null;
    }
    if (cursor.length() > MAX_LENGTH) {
      throw notIssued();
    }
    SignedTokens.Check check = tokens.verify(PURPOSE, cursor);
    return switch (check.status()) {
      case EXPIRED ->
          throw ProblemException.invalidField(
              "cursor",
              "this cursor has expired (cursors work for "
                  + lifetime.toHours()
                  + " hours); start again from the first page");
      case INVALID -> throw notIssued();
      case VALID -> position(profileId, check.payload().orElseThrow());
    };
  }

  private String position(String profileId, String payload) {
    String prefix = profileId + "\n";
    if (!payload.startsWith(prefix) || payload.length() == prefix.length()) {
      throw notIssued();
    }
    return payload.substring(prefix.length());
  }

  private ProblemException notIssued() {
    return ProblemException.invalidField(
        "cursor", "not a cursor this API issued for this " + subject + "; use nextCursor as given");
  }
}
