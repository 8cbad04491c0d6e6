package dev.waymark.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the placeholders of hostile cases: {@code {{pad:N}}} (N letters), {@code {{nest:N}}} (N
 * opening then N closing brackets), {@code {{cursor:SK}}} (an events cursor of the fixture's
 * profile pointing at sort key SK, as the API would encode it) and {@code {{name}}} for a value of
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

  private static String value(String name, String argument, Map<String, String> values) {
    return switch (name) {
      case "pad" -> "a".repeat(Integer.parseInt(argument));
      case "nest" -> {
        int depth = Integer.parseInt(argument);
        yield "[".repeat(depth) + "]".repeat(depth);
      }
      case "cursor" ->
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("e1\n" + values.get("profileId") + "\n" + argument)
                      .getBytes(StandardCharsets.UTF_8));
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
