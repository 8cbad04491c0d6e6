package dev.waymark.local.hostile;

import dev.waymark.core.profile.EventCursors;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the placeholders of hostile cases: {@code {{pad:N}}} (N letters), {@code {{nest:N}}} (N
 * opening then N closing brackets), {@code {{cursor:SK}}} (an unsigned events cursor of the
 * fixture's profile pointing at sort key SK, in the store's position format: what the API handed
 * out before cursors were signed), {@code {{foreignCursor:SK}}} (the same position wrapped in a
 * cursor token signed with a random key, not the runtime's) and {@code {{name}}} for a value of
 * {@code values}.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)(?::([^}]*))?}}");

  private Placeholders() {}

  public static String expand(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), values)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String position(String profileId, String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("e1\n" + profileId + "\n" + sortKey).getBytes(StandardCharsets.UTF_8));
  }

  private static String value(String name, String argument, Map<String, String> values) {
    return switch (name) {
      case "pad" -> "a".repeat(Integer.parseInt(argument));
      case "nest" -> {
        int depth = Integer.parseInt(argument);
        yield "[".repeat(depth) + "]".repeat(depth);
      }
      case "cursor" -> position(values.get("profileId"), argument);
      case "foreignCursor" ->
          new SignedTokens(KeyRing.fixed(SigningKeys.random()), Clock.systemUTC())
              .sign(
                  EventCursors.PURPOSE,
                  values.get("profileId") + "\n" + position(values.get("profileId"), argument),
                  Instant.now().plus(Duration.ofDays(3650)));
      default -> {
        String value = values.get(name);
        if (value == null) {
          throw new IllegalArgumentException("unknown placeholder {{" + name + "}}");
        }
        yield value;
      }
    };
  }
}
