package dev.waymark.local.http;

import dev.waymark.core.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of URL parts: a {@code %} not followed by two hex digits, or escapes that
 * are not UTF-8, are refused with a 400 problem naming the part, never replaced or passed on.
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /**
   * @param raw the encoded text
   * @param plusIsSpace whether {@code +} means a space (query strings) or itself (paths)
   * @param field what a problem names (the path parameter or query parameter)
   */
  public static String decode(String raw, boolean plusIsSpace, String field) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          throw ProblemException.invalidField(
              field, "bad percent-encoding: % must be followed by two hex digits");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalidField(field, "bad percent-encoding: the bytes are not UTF-8");
    }
  }
}
