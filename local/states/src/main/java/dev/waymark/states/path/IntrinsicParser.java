package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses intrinsic function expressions: {@code States.Name(arg, ...)} with literals, paths and
 * nested calls.
 */
final class IntrinsicParser {
  record Call(String name, List<Object> args) {}

  record PathArg(String path) {}

  /** Stands for a brace written escaped ({@code \\{} or {@code \\}}) in a string literal. */
  static final char ESCAPED_OPEN = '\uE000';

  static final char ESCAPED_CLOSE = '\uE001';

  /**
   * A string literal. {@code template} keeps escaped braces as {@link #ESCAPED_OPEN}/{@link
   * #ESCAPED_CLOSE} so that States.Format can tell a literal brace from a placeholder.
   */
  static final class LiteralText extends TextNode {
    final String template;

    LiteralText(String template) {
      super(template.replace(ESCAPED_OPEN, '{').replace(ESCAPED_CLOSE, '}'));
      this.template = template;
    }
  }

  private final String src;
  private int pos;

  IntrinsicParser(String src) {
    this.src = src.trim();
  }

  Call parseCall() {
    Call c = call();
    skipWs();
    if (pos != src.length()) {
      throw error("unexpected trailing text");
    }
    return c;
  }

  private Call call() {
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    String name = src.substring(start, pos);
    skipWs();
    expect('(');
    List<Object> args = new ArrayList<>();
    skipWs();
    if (peek() == ')') {
      pos++;
      return new Call(name, args);
    }
    while (true) {
      skipWs();
      args.add(arg());
      skipWs();
      char c = next();
      if (c == ')') {
        return new Call(name, args);
      }
      if (c != ',') {
        throw error("expected ',' or ')'");
      }
    }
  }

  private Object arg() {
    char c = peek();
    if (c == '\'') {
      return new LiteralText(string());
    }
    if (c == '$') {
      return new PathArg(pathText());
    }
    if (c == '-' || Character.isDigit(c)) {
      return number();
    }
    if (src.startsWith("true", pos)) {
      pos += 4;
      return Json.F.booleanNode(true);
    }
    if (src.startsWith("false", pos)) {
      pos += 5;
      return Json.F.booleanNode(false);
    }
    if (src.startsWith("null", pos)) {
      pos += 4;
      return Json.F.nullNode();
    }
    if (src.startsWith("States.", pos)) {
      return call();
    }
    throw error("unexpected argument");
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        sb.append(e == '{' ? ESCAPED_OPEN : e == '}' ? ESCAPED_CLOSE : e);
      } else if (c == '\'') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private String pathText() {
    int start = pos;
    int depth = 0;
    boolean quoted = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        }
      } else if (c == '\'') {
        quoted = true;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || (c == ')' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')')) {
        break;
      }
      pos++;
    }
    return src.substring(start, pos).trim();
  }

  private JsonNode number() {
    int start = pos;
    pos++;
    while (pos < src.length()
        && (Character.isDigit(src.charAt(pos)) || "eE.+-".indexOf(src.charAt(pos)) >= 0)) {
      pos++;
    }
    BigDecimal d = new BigDecimal(src.substring(start, pos));
    return d.scale() <= 0 ? Json.number(d) : Json.F.numberNode(d);
  }

  private void skipWs() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= src.length()) {
      throw error("unexpected end");
    }
    return src.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private StatesFailure error(String what) {
    return new StatesFailure("States.Runtime", "Invalid intrinsic function '" + src + "': " + what);
  }
}
