package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.waymark.core.json.Json;
import java.io.UncheckedIOException;

/**
 * Prints ASL the same way on every machine: two-space indent, {@code \n} line ends (not the
 * platform's), {@code "key": value}, fields in insertion order, a final newline.
 */
final class AslWriter {
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final ObjectWriter WRITER =
      Json.MAPPER.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(INDENT)
              .withArrayIndenter(INDENT));

  private AslWriter() {}

  static String write(JsonNode definition) {
    try {
      return WRITER.writeValueAsString(definition) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
