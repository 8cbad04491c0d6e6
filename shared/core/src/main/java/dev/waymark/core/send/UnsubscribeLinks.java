package dev.waymark.core.send;

import dev.waymark.core.message.Channel;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.SignedTokens;
import java.time.Clock;
import java.time.Duration;

/**
 * One-click unsubscribe links (RFC 8058): the token names the person, channel and topic, the key
 * that signed it and its expiry ({@link SignedTokens}, purpose {@code unsubscribe}), so nobody can
 * unsubscribe someone else by guessing, and a link stops working after {@code lifetime}.
 */
public final class UnsubscribeLinks {
  /** How long a link works unless configured otherwise (docs/security.md). */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  private static final String PURPOSE = "unsubscribe";
  private final String baseUrl;
  private final SignedTokens tokens;
  private final Duration lifetime;
  private final Clock clock;

  /**
   * @param baseUrl the public API's base URL; links go to {@code <base>/v1/unsubscribe?token=…}
   */
  public UnsubscribeLinks(String baseUrl, SignedTokens tokens, Duration lifetime, Clock clock) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.tokens = tokens;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public record Subscription(String profileId, Channel channel, String topic) {}

  public Duration lifetime() {
    return lifetime;
  }

  public String url(String profileId, Channel channel, String topic) {
    return baseUrl + "/v1/unsubscribe?token=" + token(profileId, channel, topic);
  }

  public String token(String profileId, Channel channel, String topic) {
    String payload = profileId + "|" + channel + "|" + (topic == null ? "" : topic);
    return tokens.sign(PURPOSE, payload, clock.instant().plus(lifetime));
  }

  /**
   * The subscription a token names.
   *
   * @throws ProblemException (400, field {@code token}) when the token is not one Waymark issued,
   *     or has expired
   */
  public Subscription subscription(String token) {
    SignedTokens.Check check = tokens.verify(PURPOSE, token);
    return switch (check.status()) {
      case EXPIRED ->
          throw ProblemException.invalidField(
              "token",
              "this unsubscribe link has expired (links work for "
                  + lifetime.toDays()
                  + " days); use the link in a newer message");
      case INVALID -> throw notIssued();
      case VALID -> parse(check.payload().orElseThrow());
    };
  }

  private static Subscription parse(String payload) {
    String[] parts = payload.split("\\|", -1);
    try {
      return new Subscription(
          parts[0], Channel.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw notIssued();
    }
  }

  private static ProblemException notIssued() {
    return ProblemException.invalidField("token", "not an unsubscribe token Waymark issued");
  }
}
