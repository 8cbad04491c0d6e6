package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.jsonata.JsonataEval;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PathResolver;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The Wait state: Seconds, SecondsPath, Timestamp, TimestampPath; waits on the engine clock. */
final class WaitState {
  private static final long MAX_DELAY_SECONDS = Integer.MAX_VALUE;

  private WaitState() {}

  static Transition run(StateRun r) {
    JsonNode eff = Io.effectiveInput(r);
    Instant until = r.jsonata ? untilJsonata(r) : untilJsonPath(r, eff);
    if (until.getEpochSecond() - r.enteredTime.getEpochSecond() > MAX_DELAY_SECONDS) {
      throw new StatesFailure("States.Runtime", "Wait state delay is too long.");
    }
    if (r.test == null) {
      sleepUntil(r.frame, until); // TestState evaluates the Wait but does not wait
    }
    return Io.finish(r, null, eff, SimpleStates.next(r));
  }

  static void sleepUntil(Frame frame, Instant until) {
    try {
      if (frame.rt.clock.await(frame.cancel::isSet, until)) {
        throw new Aborted();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Aborted();
    }
  }

  private static Instant untilJsonPath(StateRun r, JsonNode eff) {
    if (r.has("Seconds")) {
      return r.enteredTime.plusSeconds(r.field("Seconds").asLong());
    }
    if (r.has("Timestamp")) {
      return parseTimestamp(r.field("Timestamp").asText());
    }
    if (r.has("SecondsPath")) {
      String path = r.field("SecondsPath").asText();
      JsonNode v = resolve(r, eff, path, "SecondsPath");
      if (!v.isIntegralNumber()) {
        throw new StatesFailure(
            "States.Runtime",
            "The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + v);
      }
      if (v.asLong() < 0) {
        throw new StatesFailure(
            "States.Runtime",
            "The SecondsPath parameter references a negative value: " + path + " == " + v);
      }
      return r.enteredTime.plusSeconds(v.asLong());
    }
    String path = r.field("TimestampPath").asText();
    JsonNode v = resolve(r, eff, path, "TimestampPath");
    Instant t = v.isTextual() ? tryParse(v.textValue()) : null;
    if (t == null) {
      throw new StatesFailure(
          "States.Runtime",
          "The TimestampPath parameter does not reference a valid ISO-8601 "
              + "extended offset date-time format string: "
              + path
              + " == "
              + (v.isTextual() ? v.textValue() : v));
    }
    return t;
  }

  private static JsonNode resolve(StateRun r, JsonNode eff, String path, String field) {
    try {
      return PathResolver.resolve(path, r.evalContext(eff));
    } catch (JsonPaths.PathMissing e) {
      throw new StatesFailure(
          "States.Runtime",
          "The " + field + " parameter does not reference an input value: " + path);
    }
  }

  private static Instant untilJsonata(StateRun r) {
    if (r.has("Seconds")) {
      JsonNode v = r.jsonata(r.field("Seconds"), "Seconds", r.input, null, null);
      if (!v.isIntegralNumber() || v.asLong() < 0) {
        throw JsonataEval.queryError(
            r.field("Seconds").asText(),
            "Seconds",
            "returned an unexpected result type. Expected a non-negative integer, but was " + v);
      }
      return r.enteredTime.plusSeconds(v.asLong());
    }
    JsonNode v = r.jsonata(r.field("Timestamp"), "Timestamp", r.input, null, null);
    Instant t = v.isTextual() ? tryParse(v.textValue()) : null;
    if (t == null) {
      throw new JsonataEval.QueryError(
          null,
          "Timestamp",
          "The Timestamp field cannot be parsed as an ISO-8601 "
              + "extended offset date-time format string: "
              + (v.isTextual() ? v.textValue() : v.toString()));
    }
    return t;
  }

  private static Instant parseTimestamp(String s) {
    Instant t = tryParse(s);
    if (t == null) {
      throw new StatesFailure(
          "States.Runtime", "The Timestamp field is not a valid ISO-8601 timestamp: " + s);
    }
    return t;
  }

  /** ISO-8601 extended offset date-time (with 'T' and a zone), or null. */
  static Instant tryParse(String s) {
    if (s == null || s.indexOf('T') != 10) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
