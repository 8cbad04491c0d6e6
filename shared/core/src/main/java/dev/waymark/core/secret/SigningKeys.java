package dev.waymark.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The keys Waymark signs its public links with (unsubscribe tokens now, click tokens later): the
 * current key, which signs, and the keys still accepted (the previous one, during the overlap
 * window after a rotation). Each key has an id derived from its bytes, so a token can say which key
 * signed it without naming the key. Keys are at least {@value #MIN_BYTES} bytes; there is no
 * default key.
 */
public final class SigningKeys {
  public static final int MIN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Key current;
  private final List<Key> accepted;

  /** A key and its id (12 hex characters of a SHA-256 over the key). */
  public record Key(String id, byte[] secret) {
    public Key {
      secret = secret.clone();
    }

    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  private SigningKeys(Key current, List<Key> accepted) {
    this.current = current;
    this.accepted = List.copyOf(accepted);
  }

  /**
   * @param current the key that signs
   * @param previous keys still accepted, newest first (absent or null entries are skipped)
   * @throws IllegalArgumentException if a key is shorter than {@value #MIN_BYTES} bytes
   */
  public static SigningKeys of(byte[] current, List<byte[]> previous) {
    Key signing = key(current);
    List<Key> all = new ArrayList<>(List.of(signing));
    for (byte[] p : previous) {
      if (p != null && all.stream().noneMatch(k -> k.id().equals(keyId(p)))) {
        all.add(key(p));
      }
    }
    return new SigningKeys(signing, all);
  }

  /** A fresh random key, accepted alone (a runtime that keeps no key of its own between runs). */
  public static SigningKeys random() {
    return of(randomSecret(), List.of());
  }

  /** {@value #MIN_BYTES} bytes from a SecureRandom. */
  public static byte[] randomSecret() {
    byte[] bytes = new byte[MIN_BYTES];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A secret given as text (e.g. a Secrets Manager secret string): its UTF-8 bytes. */
  public static byte[] fromText(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public Key current() {
    return current;
  }

  /** The accepted key with this id: the current one or a previous one. */
  public Optional<Key> find(String id) {
    return accepted.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /** The ids of every accepted key, current first. */
  public List<String> ids() {
    return accepted.stream().map(Key::id).toList();
  }

  private static Key key(byte[] secret) {
    if (secret == null || secret.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a signing key must be at least " + MIN_BYTES + " bytes long");
    }
    return new Key(keyId(secret), secret);
  }

  static String keyId(byte[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("waymark signing key id\n".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(secret), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
