package dev.waymark.core.click;

import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed links of an email and the identity they carry (see docs/clicks.md), all {@link
 * SignedTokens} with their own purpose, so a token made for one is refused for another:
 *
 * <ul>
 *   <li>{@code click}: {@code <base>/v1/c/<token>}, naming the person, journey, run, step, the
 *       link's index and its target; works for {@code lifetime} (default 90 days);
 *   <li>{@code identity}: the {@value #IDENTITY_PARAMETER} parameter a valid click adds to the
 *       target, naming only the person's profile id; works for {@link #IDENTITY_LIFETIME};
 *   <li>{@code confirm}: {@code <base>/v1/confirm?token=…}, naming the person and the address the
 *       confirmation request went to; works for {@code lifetime}.
 * </ul>
 */
public final class ClickLinks {
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  /** How long the identity a click hands the site can be sent back. */
  public static final Duration IDENTITY_LIFETIME = Duration.ofMinutes(30);

  /** The query parameter the target gets. */
  public static final String IDENTITY_PARAMETER = "wm_id";

  private static final String CLICK = "click";
  private static final String IDENTITY = "identity";
  private static final String CONFIRM = "confirm";
  private final String baseUrl;
  private final SignedTokens tokens;
  private final RedirectHosts hosts;
  private final Duration lifetime;
  private final Clock clock;

  /**
   * @param baseUrl the public API's base URL; links go to {@code <base>/v1/c/<token>}
   */
  public ClickLinks(
      String baseUrl, SignedTokens tokens, RedirectHosts hosts, Duration lifetime, Clock clock) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.tokens = tokens;
    this.hosts = hosts;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** One link of one message. */
  public record Link(
      String profileId, String journeyId, String runId, String stepId, int index, String url) {}

  /**
   * What a click token says: {@code link} only when it is valid (signed by Waymark, not expired);
   * {@code url}, the target it names, read even when it is not (still held to the allow-list).
   */
  public record Read(SignedTokens.Status status, Optional<Link> link, Optional<String> url) {}

  /** An address confirmation a valid confirm token names. */
  public record Confirmation(String profileId, String address) {}

  public RedirectHosts hosts() {
    return hosts;
  }

  /** The public API's base URL (links to it, such as unsubscribe, are never rewritten). */
  public String baseUrl() {
    return baseUrl;
  }

  public String clickUrl(Link link) {
    String payload =
        String.join(
            "|",
            link.profileId(),
            link.journeyId(),
            link.runId(),
            link.stepId(),
            Integer.toString(link.index()),
            link.url());
    return baseUrl + "/v1/c/" + tokens.sign(CLICK, payload, clock.instant().plus(lifetime));
  }

  public Read read(String token) {
    SignedTokens.Check check = tokens.verify(CLICK, token);
    Optional<String[]> parts =
        (check.status() == SignedTokens.Status.VALID
                ? check.payload()
                : SignedTokens.unverifiedPayload(token))
            .map(p -> p.split("\\|", 6))
            .filter(p -> p.length == 6);
    Optional<String> url = parts.map(p -> p[5]);
    if (check.status() != SignedTokens.Status.VALID || parts.isEmpty()) {
      return new Read(check.status(), Optional.empty(), url);
    }
    String[] p = parts.get();
    try {
      Link link = new Link(p[0], p[1], p[2], p[3], Integer.parseInt(p[4]), p[5]);
      return new Read(check.status(), Optional.of(link), url);
    } catch (NumberFormatException e) {
      return new Read(SignedTokens.Status.INVALID, Optional.empty(), url);
    }
  }

  /** The short-lived identity a valid click hands the site. */
  public String identityToken(String profileId) {
    return tokens.sign(IDENTITY, profileId, clock.instant().plus(IDENTITY_LIFETIME));
  }

  /** The profile id an identity token names, if it was valid at {@code at}. */
  public Optional<String> identity(String token, Instant at) {
    SignedTokens.Check check = tokens.verifyAt(IDENTITY, token, at);
    return check.status() == SignedTokens.Status.VALID ? check.payload() : Optional.empty();
  }

  public String confirmUrl(String profileId, String address) {
    return baseUrl
        + "/v1/confirm?token="
        + tokens.sign(CONFIRM, profileId + "|" + address, clock.instant().plus(lifetime));
  }

  /**
   * The confirmation a token names.
   *
   * @throws ProblemException (400, field {@code token}) when Waymark did not issue it or it expired
   */
  public Confirmation confirmation(String token) {
    SignedTokens.Check check = tokens.verify(CONFIRM, token);
    if (check.status() == SignedTokens.Status.EXPIRED) {
      throw ProblemException.invalidField(
          "token",
          "this confirmation link has expired (links work for "
              + lifetime.toDays()
              + " days); ask for a new one");
    }
    String[] parts = check.payload().map(p -> p.split("\\|", 2)).orElse(new String[0]);
    if (check.status() != SignedTokens.Status.VALID || parts.length != 2) {
      throw ProblemException.invalidField("token", "not a confirmation link Waymark issued");
    }
    return new Confirmation(parts[0], parts[1]);
  }
}
