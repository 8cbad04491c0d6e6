package dev.waymark.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for public links: {@code <keyId>.<body>.<signature>}, the body (base64url) being the
 * payload and the expiry, the signature an HMAC-SHA256 over the purpose and the body with the key
 * the id names. The purpose (e.g. {@code unsubscribe}, {@code click}) is signed but not carried, so
 * a token made for one purpose is refused for another.
 */
public final class SignedTokens {
  private final KeyRing keys;
  private final Clock clock;

  public SignedTokens(KeyRing keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** What a token says, once checked. */
  public enum Status {
    VALID,
    EXPIRED,
    INVALID
  }

  /** The check of a token: its status, and its payload when valid. */
  public record Check(Status status, Optional<String> payload) {
    static Check of(Status status) {
      return new Check(status, Optional.empty());
    }
  }

  public String sign(String purpose, String payload, Instant expires) {
    SigningKeys.Key key = keys.current();
    String body =
        encode((expires.getEpochSecond() + "|" + payload).getBytes(StandardCharsets.UTF_8));
    return key.id() + "." + body + "." + encode(mac(key, purpose, body));
  }

  public Check verify(String purpose, String token) {
    return verifyAt(purpose, token, clock.instant());
  }

  /** The check as of {@code now} (e.g. when the event carrying the token was received). */
  public Check verifyAt(String purpose, String token, Instant now) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      return Check.of(Status.INVALID);
    }
    Optional<SigningKeys.Key> key = keys.find(parts[0]);
    if (key.isEmpty()) {
      return Check.of(Status.INVALID);
    }
    try {
      byte[] given = Base64.getUrlDecoder().decode(parts[2]);
      if (!MessageDigest.isEqual(mac(key.get(), purpose, parts[1]), given)) {
        return Check.of(Status.INVALID);
      }
      String body = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      int bar = body.indexOf('|');
      Instant expires = Instant.ofEpochSecond(Long.parseLong(body.substring(0, bar)));
      if (!now.isBefore(expires)) {
        return Check.of(Status.EXPIRED);
      }
      return new Check(Status.VALID, Optional.of(body.substring(bar + 1)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Check.of(Status.INVALID);
    }
  }

  /**
   * The payload a token carries, read without checking its signature or expiry: only for what is
   * safe to act on unchecked (a click's target, which the caller still holds to its allow-list).
   * Empty when the token is not shaped like one.
   */
  public static Optional<String> unverifiedPayload(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String body = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      int bar = body.indexOf('|');
      return bar < 0 ? Optional.empty() : Optional.of(body.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] mac(SigningKeys.Key key, String purpose, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      return mac.doFinal((purpose + "\n" + body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
