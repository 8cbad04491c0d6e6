package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.segment.AudienceSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What journeys and audience schedules name must exist: a journey's segments (its {@code
 * entry.segment}, its {@code audience}, its branch {@code segment} conditions) and its audience
 * schedule ({@code entry.schedule}, which must lead to this very journey); a schedule's journey,
 * which must enter on that schedule. Templates are checked by the parser ({@link TemplateLookup}).
 * Each problem names its field by JSON Pointer. The build runs it over the shipped files and the
 * publish path over every draft it publishes.
 */
public record References(Set<String> segments, Map<String, AudienceSchedule> schedules) {
  public References {
    segments = Set.copyOf(segments);
    schedules = Map.copyOf(schedules);
  }

  /** The segments and audience schedules that exist. */
  public static References of(Set<String> segmentIds, List<AudienceSchedule> schedules) {
    Map<String, AudienceSchedule> byId = new LinkedHashMap<>();
    schedules.forEach(s -> byId.put(s.id(), s));
    return new References(segmentIds, byId);
  }

  /** Every reference of a journey document that names nothing, by JSON Pointer. */
  public List<FieldError> ofJourney(JsonNode document) {
    List<FieldError> problems = new ArrayList<>();
    String journeyId = document.path("id").asText("");
    JsonNode entry = document.path("entry");
    segment(entry.path("segment").path("id"), "/entry/segment/id", problems);
    JsonNode schedule = entry.path("schedule");
    if (schedule.isTextual()) {
      AudienceSchedule found = schedules.get(schedule.asText());
      if (found == null) {
        problems.add(
            missing("/entry/schedule", "audience schedule", schedule.asText(), schedules.keySet()));
      } else if (!found.journeyId().equals(journeyId)) {
        problems.add(
            new FieldError(
                "/entry/schedule",
                "audience schedule "
                    + found.id()
                    + " enters journey "
                    + found.journeyId()
                    + ", not "
                    + journeyId
                    + ": nobody would ever enter"));
      }
    }
    JsonNode audience = document.path("audience");
    for (int i = 0; i < audience.size(); i++) {
      segment(audience.get(i), "/audience/" + i, problems);
    }
    JsonNode steps = document.path("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode conditions = steps.get(i).path("conditions");
      for (int j = 0; j < conditions.size(); j++) {
        segment(
            conditions.get(j).path("segment"),
            "/steps/" + i + "/conditions/" + j + "/segment",
            problems);
      }
    }
    return problems;
  }

  /**
   * Every reference of an audience schedule that leads nowhere: its segment must exist, and its
   * journey must be one of {@code journeys} (id → document) whose entry is this schedule.
   */
  public List<FieldError> ofSchedule(AudienceSchedule schedule, Map<String, JsonNode> journeys) {
    List<FieldError> problems = new ArrayList<>();
    if (!segments.contains(schedule.segmentId())) {
      problems.add(missing("/segment", "segment", schedule.segmentId(), segments));
    }
    JsonNode journey = journeys.get(schedule.journeyId());
    if (journey == null) {
      problems.add(missing("/journey", "journey", schedule.journeyId(), journeys.keySet()));
    } else if (!schedule.id().equals(journey.path("entry").path("schedule").asText(null))) {
      problems.add(
          new FieldError(
              "/journey",
              "journey "
                  + schedule.journeyId()
                  + " does not enter on this schedule (its entry needs schedule: "
                  + schedule.id()
                  + "): the schedule would send nothing"));
    }
    return problems;
  }

  /** A 400 problem naming every field of {@code document} that names nothing; else nothing. */
  public void check(JsonNode document) {
    List<FieldError> problems = ofJourney(document);
    if (!problems.isEmpty()) {
      throw new ProblemException(
          Problem.invalid("the journey names what does not exist", problems));
    }
  }

  private void segment(JsonNode id, String at, List<FieldError> problems) {
    if (id.isTextual() && !segments.contains(id.asText())) {
      problems.add(missing(at, "segment", id.asText(), segments));
    }
  }

  private static FieldError missing(String at, String what, String id, Set<String> known) {
    return new FieldError(
        at, "names no " + what + ": " + id + " (known: " + new TreeSet<>(known) + ")");
  }
}
