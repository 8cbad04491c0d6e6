package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One conversion's state: the errors that make the export a 400 (each at its JSON pointer), the
 * things that could not be carried over ({@link PinpointImport.Unmapped}), and strict readers of
 * the export's fields.
 */
final class ImportContext {
  static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  /** A field of the export and its JSON pointer from the request body's root. */
  record Node(JsonNode json, String pointer) {
    Node get(String key) {
      JsonNode child = json != null && json.isObject() ? json.get(key) : null;
      return new Node(child, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
    }

    boolean present() {
      return json != null && !json.isNull();
    }
  }

  private final List<FieldError> errors = new ArrayList<>();
  private final List<PinpointImport.Unmapped> unmapped = new ArrayList<>();

  void fail(Node at, String message) {
    errors.add(new FieldError(at.pointer(), message));
  }

  void unmapped(String activity, Node at, String reason) {
    unmapped.add(new PinpointImport.Unmapped(activity, at.pointer(), reason));
  }

  List<PinpointImport.Unmapped> unmapped() {
    return List.copyOf(unmapped);
  }

  boolean failed() {
    return !errors.isEmpty();
  }

  /** Throws the 400 naming every error found, if there is any. */
  void throwIfFailed() {
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid Pinpoint journey export", errors));
    }
  }

  boolean object(Node at) {
    if (at.present() && !at.json().isObject()) {
      fail(at, "must be an object");
      return false;
    }
    return at.present();
  }

  /** The items of an array field (none when absent or not an array, the latter an error). */
  List<Node> items(Node at, int max) {
    List<Node> items = new ArrayList<>();
    if (!at.present()) {
      return items;
    }
    if (!at.json().isArray()) {
      fail(at, "must be an array");
      return items;
    }
    if (at.json().size() > max) {
      fail(at, "at most " + max + " items");
      return items;
    }
    for (int i = 0; i < at.json().size(); i++) {
      items.add(new Node(at.json().get(i), at.pointer() + "/" + i));
    }
    return items;
  }

  /** The entries of an object field, in document order (none when absent). */
  List<Map.Entry<String, Node>> entries(Node at) {
    List<Map.Entry<String, Node>> entries = new ArrayList<>();
    if (object(at)) {
      Iterator<String> names = at.json().fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        entries.add(Map.entry(name, at.get(name)));
      }
    }
    return entries;
  }

  Optional<String> text(Node at) {
    if (!at.present()) {
      return Optional.empty();
    }
    if (!at.json().isTextual()) {
      fail(at, "must be text");
      return Optional.empty();
    }
    return Optional.of(at.json().asText());
  }

  Optional<String> requiredText(Node at) {
    if (!at.present()) {
      fail(at, "is required");
      return Optional.empty();
    }
    Optional<String> text = text(at);
    if (text.isPresent() && text.get().isBlank()) {
      fail(at, "must not be empty");
      return Optional.empty();
    }
    return text;
  }

  Optional<Integer> integer(Node at, int min, int max) {
    if (!at.present()) {
      return Optional.empty();
    }
    if (!at.json().isIntegralNumber() || !at.json().canConvertToInt()) {
      fail(at, "must be a whole number");
      return Optional.empty();
    }
    int value = at.json().asInt();
    if (value < min || value > max) {
      fail(at, "must be from " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  Optional<Boolean> bool(Node at) {
    if (!at.present()) {
      return Optional.empty();
    }
    if (!at.json().isBoolean()) {
      fail(at, "must be true or false");
      return Optional.empty();
    }
    return Optional.of(at.json().asBoolean());
  }

  /** An ISO-8601 duration or period ({@code PT1H}, {@code P1D}, {@code P1M}) longer than zero. */
  Optional<String> duration(Node at) {
    Optional<String> text = text(at);
    if (text.isEmpty()) {
      return text;
    }
    if (approximateDays(text.get()).filter(days -> days > 0).isEmpty()) {
      fail(at, "must be an ISO-8601 duration longer than zero, such as PT1H or P1D");
      return Optional.empty();
    }
    return text;
  }

  /** The days an ISO-8601 duration or period lasts, at least (months as 28 days, years 365). */
  static Optional<Double> approximateDays(String text) {
    try {
      Duration d = Duration.parse(text);
      return d.isNegative() ? Optional.empty() : Optional.of(d.toMillis() / 86_400_000.0);
    } catch (DateTimeParseException e) {
      // not a time-based duration: try a period
    }
    try {
      Period p = Period.parse(text);
      return p.isNegative()
          ? Optional.empty()
          : Optional.of(p.getYears() * 365.0 + p.getMonths() * 28.0 + p.getDays());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An ISO-8601 date-time with an offset ({@code 2026-12-01T09:00:00.000Z}), as an instant. */
  Optional<Instant> instant(Node at) {
    Optional<String> text = text(at);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      fail(at, "must be an ISO-8601 date and time with an offset, such as 2026-12-01T09:00:00Z");
      return Optional.empty();
    }
  }

  Optional<String> timeOfDay(Node at) {
    Optional<String> text = requiredText(at);
    if (text.isPresent() && !TIME_OF_DAY.matcher(text.get()).matches()) {
      fail(at, "must be a time of day HH:MM (24-hour)");
      return Optional.empty();
    }
    return text;
  }

  /** Reports the fields of an object that the importer does not read (a newer API's, or typos). */
  void ignoreUnknown(String activity, Node at, Set<String> known) {
    for (Map.Entry<String, Node> field : entries(at)) {
      if (!known.contains(field.getKey())) {
        unmapped(activity, field.getValue(), "not a field the importer knows here; ignored");
      }
    }
  }
}
