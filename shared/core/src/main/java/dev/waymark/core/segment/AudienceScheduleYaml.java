package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code segments/schedules/<id>.yaml}: id, segment, journey, every (a weekday), at
 * ("09:00"), timeZone.
 */
public final class AudienceScheduleYaml {
  private AudienceScheduleYaml() {}

  public static AudienceSchedule parse(String yaml, String source, SegmentCatalog segments) {
    JsonNode root =
        Json.MAPPER.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    List<FieldError> problems = new ArrayList<>();
    String id = root.path("id").asText("");
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      problems.add(new FieldError("/id", "required: lower-case letters, digits and dashes"));
    }
    String segment = root.path("segment").asText("");
    if (segments.find(segment).isEmpty()) {
      problems.add(new FieldError("/segment", "not a defined segment: " + segment));
    }
    String journey = root.path("journey").asText("");
    if (journey.isBlank()) {
      problems.add(new FieldError("/journey", "required"));
    }
    DayOfWeek day = null;
    try {
      day = DayOfWeek.valueOf(root.path("every").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldError("/every", "a weekday, e.g. monday"));
    }
    LocalTime at = null;
    try {
      at = LocalTime.parse(root.path("at").asText(""));
    } catch (DateTimeException e) {
      problems.add(new FieldError("/at", "a quoted time of day, e.g. \"09:00\""));
    }
    Optional<ZoneId> zone = Optional.empty();
    String zoneText = root.path("timeZone").asText("recipient");
    if (!zoneText.equals("recipient")) {
      try {
        zone = Optional.of(ZoneId.of(zoneText));
      } catch (DateTimeException e) {
        problems.add(
            new FieldError("/timeZone", "recipient, or an IANA time zone such as Europe/Warsaw"));
      }
    }
    if (root instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (!List.of("id", "name", "segment", "journey", "every", "at", "timeZone")
                    .contains(f)) {
                  problems.add(new FieldError("/" + f, "unknown field"));
                }
              });
    } else if (!(root.isObject()) && !(root instanceof Map)) {
      problems.add(new FieldError("", "expected a mapping"));
    }
    if (!problems.isEmpty()) {
      throw new SegmentDefinitionException(source, problems);
    }
    return new AudienceSchedule(id, segment, journey, day, at, zone);
  }
}
