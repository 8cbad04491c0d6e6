package dev.waymark.core.identity;

import dev.waymark.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules every identifier from outside obeys (profile ids, userIds, anonymousIds, groupIds,
 * messageIds, identity values) before it becomes part of a key: a length well below DynamoDB's key
 * limits (2048 bytes for a partition key, 1024 for a sort key; Waymark's key prefixes add under 100
 * bytes), valid Unicode (no unpaired surrogate, which would be stored as {@code ?} and collide with
 * another identifier), no control characters (NUL, tab, new line...), and at least one visible
 * character once normalised. See docs/api.md#limits.
 */
public final class Identifiers {
  /** userId, anonymousId, previousId, groupId, profile ids: at most this many characters. */
  public static final int MAX_ID_CHARS = 200;

  /** Identity values (email, phone, ecid, crmId, pushToken): at most this many characters. */
  public static final int MAX_VALUE_CHARS = 320;

  /** Any identifier: at most this many bytes as UTF-8. */
  public static final int MAX_BYTES = 512;

  private Identifiers() {}

  /** The most characters a value of this namespace may have. */
  public static int maxChars(IdentityNamespace namespace) {
    return switch (namespace) {
      case USER_ID, ANONYMOUS_ID -> MAX_ID_CHARS;
      default -> MAX_VALUE_CHARS;
    };
  }

  /**
   * What is wrong with an identity value as sent, if anything (checked before and after it is
   * normalised).
   */
  public static Optional<String> problem(IdentityNamespace namespace, String raw) {
    return problem(raw, maxChars(namespace))
        .or(
            () ->
                visible(namespace.normalise(raw))
                    ? Optional.empty()
                    : Optional.of("must contain a visible character once normalised"));
  }

  /** What is wrong with an identifier of at most {@code maxChars} characters, if anything. */
  public static Optional<String> problem(String raw, int maxChars) {
    if (raw == null || raw.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (raw.length() > maxChars) {
      return Optional.of("must be at most " + maxChars + " characters");
    }
    int unpaired = unpairedSurrogateAt(raw);
    if (unpaired >= 0) {
      return Optional.of(
          "is not valid Unicode: an unpaired surrogate (\\u"
              + hex(raw.charAt(unpaired))
              + ") at character "
              + (unpaired + 1));
    }
    for (int i = 0; i < raw.length(); i++) {
      if (Character.getType(raw.charAt(i)) == Character.CONTROL) {
        return Optional.of(
            "must not contain control characters (U+"
                + hex(raw.charAt(i))
                + " at character "
                + (i + 1)
                + ")");
      }
    }
    if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must be at most " + MAX_BYTES + " bytes as UTF-8");
    }
    if (!visible(raw)) {
      return Optional.of("must contain a visible character");
    }
    return Optional.empty();
  }

  /** The identifier itself when it obeys the rules; a 400 problem naming {@code field} if not. */
  public static String require(String field, String raw, int maxChars) {
    problem(raw, maxChars)
        .ifPresent(
            message -> {
              throw ProblemException.invalidField(field, message);
            });
    return raw;
  }

  /** The normalised identity when the value obeys the rules; a 400 problem naming {@code field}. */
  public static Identity identity(String field, IdentityNamespace namespace, String raw) {
    problem(namespace, raw)
        .ifPresent(
            message -> {
              throw ProblemException.invalidField(field, message);
            });
    return Identity.of(namespace, raw);
  }

  /**
   * The index of the first surrogate that is not half of a pair, or -1: text that is valid Unicode.
   */
  public static int unpairedSurrogateAt(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** True when some character is neither white space nor a character drawn as nothing. */
  static boolean visible(String value) {
    return value.codePoints().anyMatch(cp -> !invisible(cp));
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || type == Character.FORMAT
        || type == Character.CONTROL
        || cp == 0x034F // combining grapheme joiner
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164
        || cp == 0xFFA0 // Hangul fillers
        || cp == 0x2800 // braille blank
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
