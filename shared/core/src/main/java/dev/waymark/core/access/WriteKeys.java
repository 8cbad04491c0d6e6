package dev.waymark.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Write keys let websites and apps send events. A key is shown once when issued and stored only as
 * its SHA-256 hash. Requests carry it as {@code Authorization: Bearer <key>} or, as Segment's
 * libraries do, as the user name of HTTP Basic authentication.
 */
public final class WriteKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final WriteKeyStore store;

  public WriteKeys(WriteKeyStore store) {
    this.store = store;
  }

  /** Issues a new key for a source and returns it in clear text (the only time it exists so). */
  public String issue(String source) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String key = "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    store.store(hash(key), source);
    return key;
  }

  /** The source of the key in an Authorization header value, if the key is valid. */
  public Optional<String> authenticate(String authorizationHeader) {
    return keyFrom(authorizationHeader).flatMap(key -> store.sourceOf(hash(key)));
  }

  static Optional<String> keyFrom(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return nonEmpty(value.substring(7).trim());
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return nonEmpty(colon < 0 ? decoded : decoded.substring(0, colon));
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nonEmpty(String key) {
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  public static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
