package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.Span;
import dev.waymark.core.json.Json;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.InternalEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads everything of a journey document but its steps into a {@link JourneyDefinition}: id, entry
 * (one of five forms, each mapped to an {@link EventMatcher} on the event that enters), audience,
 * eligibility, lock, entry cap, holdout, goals, dates and sample.
 */
final class DefinitionReader {
  static final Pattern JOURNEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  static final Pattern SEGMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  static final Set<String> TOP_FIELDS =
      Set.of(
          "id",
          "name",
          "description",
          "priority",
          "entry",
          "audience",
          "eligibility",
          "lock",
          "entryCap",
          "holdoutPercent",
          "goals",
          "startsAt",
          "endsAt",
          "sample",
          "start",
          "steps");
  static final List<String> ENTRY_FORMS =
      List.of("event", "segment", "dateTrait", "schedule", "api");

  private static final String DRAFT = "draft";

  private DefinitionReader() {}

  static Optional<JourneyDefinition> read(Cursor root) {
    int before = root.errors().size();
    if (root.node().has("goal")) {
      root.field("goal").problem("goal is not a field: write goals, a list of goals");
    }
    List<String> known = new ArrayList<>(TOP_FIELDS);
    known.add("goal");
    root.onlyFields(known, "a journey");
    Optional<String> id =
        root.field("id")
            .requiredText()
            .flatMap(
                t ->
                    JOURNEY_ID.matcher(t).matches()
                        ? Optional.of(t)
                        : fail(root.field("id"), "must be lower-case letters, digits and dashes"));
    Optional<String> name = root.field("name").text();
    Optional<String> description = root.field("description").text();
    int priority = root.field("priority").integer(-1000, 1000).orElse(0);
    Optional<EventMatcher> entry = entry(root.field("entry"), id.orElse(""));
    List<String> audience = new ArrayList<>();
    for (Cursor s : root.field("audience").items()) {
      s.text(SEGMENT_ID, "must be a segment id").ifPresent(audience::add);
    }
    JourneyDefinition.Eligibility eligibility =
        root.field("eligibility")
            .text()
            .flatMap(t -> eligibility(root.field("eligibility"), t))
            .orElse(JourneyDefinition.Eligibility.multiple);
    Optional<Span> lock = root.field("lock").positiveSpan(366);
    Optional<JourneyDefinition.EntryCap> cap = entryCap(root.field("entryCap"));
    int holdout = root.field("holdoutPercent").integer(0, 100).orElse(0);
    List<JourneyDefinition.Goal> goals = goals(root.field("goals"));
    Optional<Instant> startsAt = root.field("startsAt").instant();
    Optional<Instant> endsAt = root.field("endsAt").instant();
    if (startsAt.isPresent() && endsAt.isPresent() && !endsAt.get().isAfter(startsAt.get())) {
      root.field("endsAt").problem("endsAt must be after startsAt " + startsAt.get());
    }
    ObjectNode sample = Json.object();
    if (root.field("sample").object()) {
      sample = (ObjectNode) root.node().get("sample").deepCopy();
    }
    if (root.errors().size() > before || entry.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JourneyDefinition(
            id.get(),
            name.orElse(id.get()),
            description.orElse(""),
            priority,
            entry.get(),
            audience,
            eligibility,
            lock,
            cap,
            holdout,
            goals,
            startsAt,
            endsAt,
            sample,
            DRAFT));
  }

  private static <T> Optional<T> fail(Cursor at, String rule) {
    at.fail(rule);
    return Optional.empty();
  }

  private static Optional<JourneyDefinition.Eligibility> eligibility(Cursor at, String text) {
    try {
      return Optional.of(JourneyDefinition.Eligibility.valueOf(text));
    } catch (IllegalArgumentException e) {
      return fail(at, "must be once or multiple");
    }
  }

  /**
   * The entry: exactly one of event, segment, dateTrait, schedule, api, with optional filters; as
   * the matcher of the event that enters.
   */
  static Optional<EventMatcher> entry(Cursor entry, String journeyId) {
    if (!entry.required() || !entry.object()) {
      return Optional.empty();
    }
    List<String> forms = ENTRY_FORMS.stream().filter(f -> entry.node().has(f)).toList();
    List<String> known = new ArrayList<>(ENTRY_FORMS);
    known.add("filters");
    entry.onlyFields(known, "the entry");
    if (forms.size() != 1) {
      entry.fail(
          "must have exactly one of event, segment, dateTrait, schedule, api"
              + (forms.isEmpty() ? "" : " (it has " + String.join(", ", forms) + ")"));
      return Optional.empty();
    }
    List<FieldFilter> filters = new ArrayList<>(Filters.list(entry.field("filters")));
    Cursor form = entry.field(forms.get(0));
    Optional<EventMatcher> matcher =
        switch (forms.get(0)) {
          case "event" -> form.text().map(e -> new EventMatcher(e, List.of()));
          case "segment" -> segment(form);
          case "dateTrait" -> dateTrait(form);
          case "schedule" ->
              form.text(SEGMENT_ID, "must be the id of an audience schedule")
                  .map(s -> matcher(InternalEvents.AUDIENCE_SCHEDULE_FIRED, "scheduleId", s));
          default -> api(form, journeyId);
        };
    return matcher.map(
        m -> {
          List<FieldFilter> all = new ArrayList<>(m.filters());
          all.addAll(filters);
          return new EventMatcher(m.event(), all);
        });
  }

  static EventMatcher matcher(String event, String property, String value) {
    return new EventMatcher(
        event,
        List.of(
            new FieldFilter(
                "properties." + property, FilterOp.EQUALS, Json.MAPPER.valueToTree(value))));
  }

  private static Optional<EventMatcher> segment(Cursor form) {
    if (!form.object()) {
      return Optional.empty();
    }
    form.onlyFields(Set.of("id", "on"), "a segment entry");
    Optional<String> id =
        form.field("id").required()
            ? form.field("id").text(SEGMENT_ID, "must be a segment id")
            : Optional.empty();
    Optional<String> on =
        form.field("on").required()
            ? form.field("on").text().filter(o -> o.equals("entered") || o.equals("exited"))
            : Optional.empty();
    if (form.field("on").present() && on.isEmpty()) {
      form.field("on").fail("must be entered or exited");
    }
    if (id.isEmpty() || on.isEmpty()) {
      return Optional.empty();
    }
    String event =
        on.get().equals("entered") ? InternalEvents.SEGMENT_ENTERED : InternalEvents.SEGMENT_EXITED;
    return Optional.of(matcher(event, "segmentId", id.get()));
  }

  /**
   * {@code dateTrait: {trait, offset, yearly}}: the offset in whole days or weeks before ({@code
   * -P90D}) or after ({@code P30D}) the trait's date, or its anniversary when yearly.
   */
  private static Optional<EventMatcher> dateTrait(Cursor form) {
    if (!form.object()) {
      return Optional.empty();
    }
    form.onlyFields(Set.of("trait", "offset", "yearly"), "a date trait entry");
    Optional<String> trait = form.field("trait").requiredText();
    Optional<String> offset = form.field("offset").requiredText();
    boolean yearly = form.field("yearly").bool().orElse(false);
    if (trait.isPresent() && !DateTrigger.validTrait(trait.get())) {
      form.field("trait").fail("must be a trait name (letters, digits and underscores)");
      return Optional.empty();
    }
    Optional<Integer> days = offset.flatMap(DateTrigger::parseOffset);
    int limit = yearly ? DateTrigger.MAX_YEARLY_DAYS : DateTrigger.MAX_DAYS;
    if (offset.isPresent() && (days.isEmpty() || Math.abs(days.get()) > limit)) {
      form.field("offset")
          .fail(
              "must be whole days or weeks before (-P90D) or after (P30D) the date, at most "
                  + limit
                  + " days"
                  + (yearly ? " for a yearly trigger" : ""));
      return Optional.empty();
    }
    if (trait.isEmpty() || days.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DateTrigger(trait.get(), days.get(), yearly).matcher());
  }

  private static Optional<EventMatcher> api(Cursor form, String journeyId) {
    Optional<Boolean> api = form.bool();
    if (api.isPresent() && !api.get()) {
      form.fail("must be true (or leave the form out)");
    }
    return api.filter(b -> b)
        .map(b -> matcher(InternalEvents.JOURNEY_ENTRY_REQUESTED, "journeyId", journeyId));
  }

  private static Optional<JourneyDefinition.EntryCap> entryCap(Cursor cap) {
    if (!cap.object()) {
      return Optional.empty();
    }
    cap.onlyFields(Set.of("count", "within"), "an entry cap");
    Optional<Integer> count =
        cap.field("count").required() ? cap.field("count").integer(1, 1000) : Optional.empty();
    Optional<Span> within =
        cap.field("within").required() ? cap.field("within").positiveSpan(3660) : Optional.empty();
    return count.isPresent() && within.isPresent()
        ? Optional.of(new JourneyDefinition.EntryCap(count.get(), within.get()))
        : Optional.empty();
  }

  private static List<JourneyDefinition.Goal> goals(Cursor goals) {
    List<JourneyDefinition.Goal> result = new ArrayList<>();
    for (Cursor goal : goals.items()) {
      if (!goal.object()) {
        continue;
      }
      goal.onlyFields(Set.of("event", "filters", "within", "exitOnGoal"), "a goal");
      Optional<EventMatcher> event = Filters.matcher(goal);
      Optional<Span> within =
          goal.field("within").required()
              ? goal.field("within").positiveSpan(366)
              : Optional.empty();
      boolean exit = goal.field("exitOnGoal").bool().orElse(true);
      if (event.isPresent() && within.isPresent()) {
        result.add(new JourneyDefinition.Goal(event.get(), within.get(), exit));
      }
    }
    return result;
  }
}
