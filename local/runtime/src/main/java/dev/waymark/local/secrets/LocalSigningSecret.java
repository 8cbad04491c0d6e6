package dev.waymark.local.secrets;

import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SigningKeys;
import java.util.List;

/**
 * Where the local runtime's link-signing key comes from: the port a data folder fills (a key made
 * once per folder and kept there, so links in the outbox keep working after a restart). Until the
 * runtime has a data folder, {@link #perStart()} makes a random key each time it starts. There is
 * no fixed or default key.
 */
@FunctionalInterface
public interface LocalSigningSecret {
  /** At least 32 bytes, the same for as long as the data behind the runtime lives. */
  byte[] secret();

  /** A random key held in memory: links signed before a restart stop working after it. */
  static LocalSigningSecret perStart() {
    byte[] secret = SigningKeys.randomSecret();
    return secret::clone;
  }

  /** The key ring the journey services sign and check links with. */
  default KeyRing keyRing() {
    return KeyRing.fixed(SigningKeys.of(secret(), List.of()));
  }
}
