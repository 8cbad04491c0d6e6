package dev.waymark.local.secrets;

import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SigningKeys;
import java.util.List;

/**
 * Where the local runtime's link-signing key comes from: the data folder's {@code signing} secret
 * ({@code LocalSecrets}), made once per folder and kept there, so links in the outbox and events
 * cursors keep working after a restart; without a data folder, random per runtime. There is no
 * fixed or default key.
 */
@FunctionalInterface
public interface LocalSigningSecret {
  /** At least 32 bytes, the same for as long as the data behind the runtime lives. */
  byte[] secret();

  /** The key ring the journey services sign and check links with. */
  default KeyRing keyRing() {
    return KeyRing.fixed(SigningKeys.of(secret(), List.of()));
  }
}
