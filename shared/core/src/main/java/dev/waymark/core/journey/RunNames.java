package dev.waymark.core.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic run (execution) names: the same journey, person and entry key always give the same
 * name, so a replayed event's StartExecution is harmless. Step Functions names allow at most 80
 * characters of letters, digits, dashes and underscores.
 */
public final class RunNames {
  private RunNames() {}

  public static String of(String journeyId, String profileId, String entryKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (journeyId + "|" + profileId + "|" + entryKey).getBytes(StandardCharsets.UTF_8));
      String prefix = journeyId.length() > 40 ? journeyId.substring(0, 40) : journeyId;
      return prefix + "-" + HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
