package dev.waymark.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as exactly one JSON value: trailing content or a second document is refused,
 * so is a repeated key, nesting deeper than {@link #MAX_DEPTH} levels and a body over the caller's
 * size limit. Every refusal is a 400 (413 for size) naming the body as a whole, in plain words
 * saying where it went wrong (line, column and the JSON Pointer of the value being read), never the
 * parser's own message.
 */
public final class StrictJson {
  /** How deep objects and arrays may nest in a request body. */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY = strictFactory();

  private StrictJson() {}

  private static JsonFactory strictFactory() {
    JsonFactory factory = Json.MAPPER.getFactory().copy();
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return factory;
  }

  /**
   * The one JSON value of {@code text}.
   *
   * @param root how problems name the body as a whole ({@code ""} or {@code "/"})
   * @param maxBytes the largest body accepted, in UTF-8 bytes (413 beyond)
   */
  public static JsonNode parse(String text, String root, int maxBytes) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(root, "a JSON body is required");
    }
    if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new ProblemException(
          Problem.tooLarge(root, "the body may be at most " + maxBytes + " bytes"));
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonNode value;
      try {
        value = Json.MAPPER.readTree(parser);
      } catch (JsonProcessingException e) {
        throw refused(root, plainWords(e, text, parser) + inside(parser));
      }
      JsonLocation end = parser.currentLocation();
      boolean trailing;
      try {
        trailing = parser.nextToken() != null;
      } catch (JsonProcessingException e) {
        trailing = true;
      }
      if (trailing) {
        throw refused(
            root,
            "only one JSON value is allowed; more content follows the value that ends at "
                + where(end));
      }
      return value;
    } catch (IOException e) {
      throw refused(root, "the body could not be read as JSON");
    }
  }

  private static ProblemException refused(String field, String message) {
    return ProblemException.invalidField(field, message);
  }

  private static String plainWords(JsonProcessingException e, String text, JsonParser parser) {
    JsonLocation at = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
    String where = where(at);
    if (e instanceof StreamConstraintsException) {
      JsonStreamContext context = parser.getParsingContext();
      return context != null && context.getNestingDepth() >= MAX_DEPTH
          ? "nested more than " + MAX_DEPTH + " levels deep (at " + where + ")"
          : "a number or text in the body is too long (at " + where + ")";
    }
    if (e instanceof JsonEOFException) {
      return "malformed JSON: the body ends before the JSON value is complete (at " + where + ")";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Duplicate field")) {
      return "malformed JSON: a key is repeated (at " + where + ")";
    }
    return "malformed JSON at " + where + unexpected(text, at);
  }

  private static String unexpected(String text, JsonLocation at) {
    long offset = at == null ? -1 : at.getCharOffset();
    if (offset < 0 || offset >= text.length()) {
      return "";
    }
    int c = text.codePointAt((int) offset);
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return String.format(": unexpected character U+%04X", c);
    }
    return ": unexpected character '" + new String(Character.toChars(c)) + "'";
  }

  private static String where(JsonLocation at) {
    return at == null ? "the start" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Where in the document the parser was, as a JSON Pointer (nothing at the top level). */
  private static String inside(JsonParser parser) {
    JsonStreamContext context = parser.getParsingContext();
    String pointer = context == null ? "" : context.pathAsPointer().toString();
    if (pointer.isEmpty()) {
      return "";
    }
    return " in " + (pointer.length() > 100 ? pointer.substring(0, 100) + "..." : pointer);
  }
}
