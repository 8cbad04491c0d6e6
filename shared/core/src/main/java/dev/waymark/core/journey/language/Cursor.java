package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.Span;
import dev.waymark.core.problem.FieldError;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place in a journey document being read: the node there (null when absent), its JSON pointer,
 * the name the messages call it by, and the label of the step it is in ({@code step "decide": }).
 * Every read reports what is wrong with the field as a {@link FieldError} and answers empty, so one
 * pass finds every error.
 */
record Cursor(JsonNode node, String pointer, String name, String label, List<FieldError> errors) {
  static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
  static final Pattern DOTTED = Pattern.compile("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*");
  static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  /**
   * An ISO-8601 duration or period the way {@link Span} reads it: {@code P30D}, {@code P1M}, {@code
   * P1Y2M}, {@code P2W}, {@code PT12H}, {@code P1DT2H}, {@code PT1.5S}. The schema has the same
   * pattern.
   */
  static final Pattern SPAN =
      Pattern.compile(
          "-?P(?:(?=[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?"
              + "|([0-9]+D)?T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)");

  static final Instant EPOCH = Instant.EPOCH;

  static Cursor root(JsonNode node, List<FieldError> errors) {
    return new Cursor(node, "", "the document", "", errors);
  }

  Cursor field(String field) {
    return new Cursor(
        node == null || !node.isObject() ? null : node.get(field),
        pointer + "/" + field.replace("~", "~0").replace("/", "~1"),
        field,
        label,
        errors);
  }

  Cursor item(int index) {
    return new Cursor(
        node.get(index), pointer + "/" + index, name + "[" + index + "]", label, errors);
  }

  Cursor labelled(String newLabel) {
    return new Cursor(node, pointer, name, newLabel, errors);
  }

  boolean present() {
    return node != null;
  }

  /** Reports {@code message}, prefixed with the step's label, at this field. */
  void problem(String message) {
    errors.add(new FieldError(pointer, label + message));
  }

  /** Reports "{name} {rule}" at this field. */
  void fail(String rule) {
    problem(name + " " + rule);
  }

  /** Whether this is a mapping; reports it when present but not one. */
  boolean object() {
    if (present() && !node.isObject()) {
      fail("must be a mapping of fields");
    }
    return present() && node.isObject();
  }

  /** Reports each field of this mapping that is not in {@code known}. */
  void onlyFields(Collection<String> known, String what) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                field(f).problem("unknown field \"" + f + "\" in " + what);
              }
            });
  }

  boolean required() {
    if (!present()) {
      fail("is required");
    }
    return present();
  }

  Optional<String> text() {
    if (!present()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      fail("must be non-empty text");
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  Optional<String> text(Pattern pattern, String rule) {
    Optional<String> text = text();
    if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
      fail(rule);
      return Optional.empty();
    }
    return text;
  }

  Optional<String> requiredText() {
    return required() ? text() : Optional.empty();
  }

  Optional<Integer> integer(int min, int max) {
    if (!present()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.asInt() < min
        || node.asInt() > max) {
      fail("must be a whole number from " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of(node.asInt());
  }

  Optional<Boolean> bool() {
    if (!present()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      fail("must be true or false");
      return Optional.empty();
    }
    return Optional.of(node.asBoolean());
  }

  /** A duration or period; {@code signed} allows a leading minus (an offset). */
  Optional<Span> span(boolean signed) {
    Optional<String> text = text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Span> span =
        SPAN.matcher(text.get()).matches() && (signed || !text.get().startsWith("-"))
            ? Span.parse(text.get())
            : Optional.empty();
    if (span.isEmpty()) {
      fail(
          signed
              ? "must be an ISO-8601 offset such as -P1D or PT2H"
              : "must be an ISO-8601 duration such as PT30M, P1D or P1M");
    }
    return span;
  }

  /** A duration or period longer than zero and at most {@code maxDays} days long. */
  Optional<Span> positiveSpan(int maxDays) {
    Optional<Span> span = span(false);
    if (span.isPresent()
        && (!span.get().after(EPOCH).isAfter(EPOCH)
            || span.get().after(EPOCH).isAfter(EPOCH.plus(java.time.Duration.ofDays(maxDays))))) {
      fail("must be longer than zero and at most " + maxDays + " days");
      return Optional.empty();
    }
    return span;
  }

  /** An RFC 3339 date-time with an offset, e.g. 2026-12-01T09:00:00Z. */
  Optional<Instant> instant() {
    Optional<String> text = text();
    try {
      return text.map(t -> OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      fail("must be a date and time such as 2026-12-01T09:00:00Z");
      return Optional.empty();
    }
  }

  Optional<LocalTime> timeOfDay() {
    return text(TIME_OF_DAY, "must be a quoted time of day such as \"09:00\"")
        .map(LocalTime::parse);
  }

  /** The items of a list (none when absent or not a list, which is reported). */
  List<Cursor> items() {
    List<Cursor> items = new ArrayList<>();
    if (!present()) {
      return items;
    }
    if (!node.isArray()) {
      fail("must be a list");
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      items.add(item(i));
    }
    return items;
  }

  /** The fields of a mapping, as cursors (none when absent or not a mapping). */
  List<Cursor> entries() {
    List<Cursor> entries = new ArrayList<>();
    if (object()) {
      node.fieldNames().forEachRemaining(f -> entries.add(field(f)));
    }
    return entries;
  }
}
