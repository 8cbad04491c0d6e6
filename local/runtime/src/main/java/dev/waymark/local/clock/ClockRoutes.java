package dev.waymark.local.clock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.Problem;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /_local/clock}, {@code POST /_local/clock/advance {"by":"P1D"}} (which freezes the
 * clock), {@code POST /_local/clock/freeze} and {@code POST /_local/clock/follow} over the virtual
 * clock.
 */
public record ClockRoutes(VirtualClock clock, ClockFollower follower) implements LocalRoutes {
  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    if (request.path().equals("/_local/clock") && request.method().equals("GET")) {
      return Optional.of(now());
    }
    if (request.path().equals("/_local/clock/advance") && request.method().equals("POST")) {
      return Optional.of(advance(request.body()));
    }
    if (request.path().equals("/_local/clock/freeze") && request.method().equals("POST")) {
      follower.freeze();
      return Optional.of(now());
    }
    if (request.path().equals("/_local/clock/follow") && request.method().equals("POST")) {
      follower.follow();
      return Optional.of(now());
    }
    return Optional.empty();
  }

  private LocalResponse now() {
    return LocalResponse.json(
        200,
        Json.write(
            Map.of("now", clock.instant().toString(), "followsRealTime", follower.following())));
  }

  private LocalResponse advance(String body) {
    JsonNode by = StrictJson.parse(body, "/", 64 * 1024).get("by");
    if (by == null || !by.isTextual()) {
      return problem("/by", "an ISO-8601 duration such as P1D, PT6H or P3M is required");
    }
    Optional<Duration> duration = parse(by.asText());
    if (duration.isEmpty() || duration.get().isNegative()) {
      return problem("/by", "not a non-negative ISO-8601 duration: " + by.asText());
    }
    Instant before = clock.instant();
    Instant after = follower.advance(duration.get());
    return LocalResponse.json(
        200, Json.write(Map.of("from", before.toString(), "now", after.toString())));
  }

  /**
   * Durations with days and times (P1DT6H) or calendar periods (P3M, P1Y), counted from now in UTC.
   */
  private Optional<Duration> parse(String text) {
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException notADuration) {
      try {
        Period period = Period.parse(text);
        Instant now = clock.instant();
        return Optional.of(
            Duration.between(now, now.atZone(ZoneOffset.UTC).plus(period).toInstant()));
      } catch (DateTimeParseException notAPeriod) {
        return Optional.empty();
      }
    }
  }

  private static LocalResponse problem(String field, String message) {
    return LocalResponse.problem(Problem.invalidField(field, message));
  }
}
