package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The journey's settings: the start condition (entry and audience), limits (eligibility, lock,
 * entry cap), quiet time (the sends' window), schedule (startsAt, endsAt), and what Waymark has no
 * field for.
 */
final class Settings {
  static final Set<String> FIELDS =
      Set.of(
          "Activities",
          "ApplicationId",
          "ClosedDays",
          "CreationDate",
          "Id",
          "JourneyChannelSettings",
          "LastModifiedDate",
          "Limits",
          "LocalTime",
          "Name",
          "OpenHours",
          "QuietTime",
          "RefreshFrequency",
          "RefreshOnSegmentUpdate",
          "Schedule",
          "SendingSchedule",
          "StartActivity",
          "StartCondition",
          "State",
          "TimezoneEstimationMethods",
          "WaitForQuietTime",
          "tags");
  private static final Map<String, String> NOT_KEPT =
      new java.util.TreeMap<>(
          Map.of(
              "RefreshFrequency",
                  "Waymark enters people when they enter the segment, not by refreshing it",
              "RefreshOnSegmentUpdate",
                  "Waymark enters people when they enter the segment, not by refreshing it",
              "OpenHours",
                  "per-channel, per-day open hours have no Waymark field; each send has one window",
              "ClosedDays", "closed days have no Waymark field; pause the journey on those days",
              "SendingSchedule", "open hours and closed days are not imported",
              "JourneyChannelSettings", "Amazon Connect settings have no use in Waymark",
              "TimezoneEstimationMethods",
                  "Waymark reads each person's time zone from the timezone trait",
              "State", "the import is a draft: save it with PUT /v1/journeys/{id} and publish it"));
  private static final double MAX_LOCK_DAYS = 366;

  private final ImportContext ctx;

  Settings(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** Reports the top-level fields the importer has no place for. */
  void notKept(Node root) {
    ctx.ignoreUnknown(null, root, FIELDS);
    NOT_KEPT.forEach(
        (field, reason) -> {
          Node at = root.get(field);
          boolean off = at.present() && at.json().isBoolean() && !at.json().asBoolean();
          if (at.present() && !off) {
            ctx.unmapped(null, at, reason);
          }
        });
  }

  /** The sends' window: the hours outside quiet time, or any time without it. */
  JsonNode window(Node root) {
    Node quiet = root.get("QuietTime");
    Optional<Boolean> waitForQuiet = ctx.bool(root.get("WaitForQuietTime"));
    if (!ctx.object(quiet) || (!quiet.get("Start").present() && !quiet.get("End").present())) {
      return Json.MAPPER.getNodeFactory().textNode("any");
    }
    ctx.ignoreUnknown(null, quiet, Set.of("Start", "End"));
    Optional<String> start = ctx.timeOfDay(quiet.get("Start"));
    Optional<String> end = ctx.timeOfDay(quiet.get("End"));
    if (start.isEmpty() || end.isEmpty() || start.equals(end)) {
      return Json.MAPPER.getNodeFactory().textNode("any");
    }
    if (!waitForQuiet.orElse(false)) {
      ctx.unmapped(
          null,
          root.get("WaitForQuietTime"),
          "a message due in quiet time is held until the window opens, not skipped"
              + " (Pinpoint skips it unless WaitForQuietTime is true)");
    }
    return Json.object().put("from", end.get()).put("to", start.get());
  }

  /** The entry, audience and description from {@code StartCondition}. */
  void start(Node root, ObjectNode document, Activities steps) {
    Node start = root.get("StartCondition");
    ObjectNode entry = document.putObject("entry");
    if (!ctx.object(start)) {
      entry.put("api", true);
      ctx.unmapped(
          null, start, "no start condition: people enter through POST /v1/journeys/{id}/entries");
      return;
    }
    ctx.ignoreUnknown(
        null, start, Set.of("Description", "EventStartCondition", "SegmentStartCondition"));
    ctx.text(start.get("Description"))
        .filter(d -> !d.isBlank())
        .ifPresent(d -> document.put("description", d));
    Node segment = start.get("SegmentStartCondition");
    Node event = start.get("EventStartCondition");
    if (segment.present() == event.present()) {
      ctx.fail(start, "must have exactly one of SegmentStartCondition and EventStartCondition");
      return;
    }
    if (ctx.object(segment)) {
      ctx.ignoreUnknown(null, segment, Set.of("SegmentId"));
      ctx.requiredText(segment.get("SegmentId"))
          .ifPresent(
              id ->
                  entry
                      .putObject("segment")
                      .put("id", steps.segment(segment.get("SegmentId"), id))
                      .put("on", "entered"));
      ctx.unmapped(
          null,
          segment,
          "people enter when they enter the segment; those already in it when the journey is"
              + " published do not enter (Pinpoint enters them at the start)");
      return;
    }
    if (!ctx.object(event)) {
      return;
    }
    ctx.ignoreUnknown(null, event, Set.of("EventFilter", "SegmentId"));
    ctx.text(event.get("SegmentId"))
        .ifPresent(
            id -> document.putArray("audience").add(steps.segment(event.get("SegmentId"), id)));
    Node filter = event.get("EventFilter");
    if (!ctx.object(filter)) {
      ctx.fail(filter, "is required: the event that starts the journey");
      return;
    }
    ctx.ignoreUnknown(null, filter, Set.of("Dimensions", "FilterType"));
    Optional<EventFilters.Event> read = steps.events().read(null, filter.get("Dimensions"));
    if (read.isEmpty()) {
      entry.put("api", true);
      return;
    }
    entry.put("event", read.get().name());
    if (!read.get().filters().isEmpty()) {
      entry.set("filters", read.get().filters());
    }
  }

  /** {@code Limits}: re-entry as eligibility, entry cap and lock; the message caps reported. */
  void limits(Node root, ObjectNode document) {
    Node limits = root.get("Limits");
    if (!ctx.object(limits)) {
      return;
    }
    ctx.ignoreUnknown(
        null,
        limits,
        Set.of(
            "DailyCap",
            "EndpointReentryCap",
            "EndpointReentryInterval",
            "MessagesPerSecond",
            "TimeframeCap",
            "TotalCap"));
    ctx.integer(limits.get("EndpointReentryCap"), 0, 100)
        .ifPresent(
            cap -> {
              if (cap == 1) {
                document.put("eligibility", "once");
              } else if (cap > 1) {
                document.putObject("entryCap").put("count", cap).put("within", "P3660D");
                ctx.unmapped(
                    null,
                    limits.get("EndpointReentryCap"),
                    "became an entry cap of " + cap + " within 3660 days (Waymark's longest)");
              }
            });
    Node interval = limits.get("EndpointReentryInterval");
    ctx.duration(interval)
        .ifPresent(
            lock -> {
              if (ImportContext.approximateDays(lock).orElse(0.0) > MAX_LOCK_DAYS) {
                ctx.unmapped(null, interval, "Waymark's lock is at most 366 days; not kept");
              } else {
                document.put("lock", lock);
              }
            });
    new java.util.TreeMap<>(
            Map.of(
                "DailyCap",
                    "Waymark caps messages per person and channel per day across all journeys"
                        + " (WAYMARK_CAP_EMAIL, _SMS, _PUSH), not per journey",
                "TotalCap", "Waymark has no cap on a journey's messages to one person",
                "TimeframeCap",
                    "Waymark's caps are per day (WAYMARK_CAP_*), not per number of days",
                "MessagesPerSecond", "the sending rate is the account's SES and SNS quota"))
        .forEach(
            (field, reason) -> {
              Node at = limits.get(field);
              if (at.present() && !(at.json().isNumber() && at.json().asInt() == 0)) {
                ctx.unmapped(null, at, reason);
              }
            });
  }

  /** {@code Schedule}: startsAt and endsAt. */
  void schedule(Node root, ObjectNode document) {
    Node schedule = root.get("Schedule");
    if (!ctx.object(schedule)) {
      return;
    }
    ctx.ignoreUnknown(null, schedule, Set.of("StartTime", "EndTime", "Timezone"));
    Optional<Instant> start = ctx.instant(schedule.get("StartTime"));
    Optional<Instant> end = ctx.instant(schedule.get("EndTime"));
    start.ifPresent(s -> document.put("startsAt", s.toString()));
    end.ifPresent(e -> document.put("endsAt", e.toString()));
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      ctx.fail(schedule.get("EndTime"), "must be after StartTime");
    }
    boolean local = ctx.bool(root.get("LocalTime")).orElse(false);
    if (local) {
      ctx.unmapped(
          null,
          root.get("LocalTime"),
          "startsAt and endsAt are instants, the same for everyone, not each person's local time");
    }
    if (schedule.get("Timezone").present()) {
      ctx.unmapped(
          null, schedule.get("Timezone"), "StartTime and EndTime are read with their own offsets");
    }
  }
}
