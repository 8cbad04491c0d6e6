package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.Span;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds journey documents as Java objects for compiler tests (the parser is tested on its own). A
 * {@code null} next step means "end of run", as an omitted {@code next} does in a document.
 */
public final class TestSteps {
  private TestSteps() {}

  /** A document whose first step is the first listed. */
  public static JourneyDocument journey(String id, Step... steps) {
    return new JourneyDocument(definition(id), steps[0].id(), List.of(steps), Json.object());
  }

  /** The one place a test builds a {@link JourneyDefinition} (its entry rules do not compile). */
  private static JourneyDefinition definition(String id) {
    return new JourneyDefinition(
        id,
        "Compiler fixture " + id,
        "",
        50,
        new EventMatcher("Fixture Entered", List.of()),
        List.of(),
        JourneyDefinition.Eligibility.multiple,
        Optional.empty(),
        Optional.empty(),
        0,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Json.object(),
        "1");
  }

  public static Step.Send send(String id, String template, String next) {
    return send(id, template, List.of(Channel.email), List.of(), SendWindow.DEFAULT, next);
  }

  public static Step.Send send(
      String id,
      String template,
      List<Channel> channels,
      List<Channel> also,
      SendWindow window,
      String next) {
    return new Step.Send(
        id,
        channels,
        also,
        template,
        Optional.of("service"),
        window,
        Optional.empty(),
        Optional.ofNullable(next));
  }

  public static SendWindow window(String from, String to) {
    return new SendWindow(LocalTime.parse(from), LocalTime.parse(to));
  }

  public static Step.Wait waitSpan(String id, String span, String next) {
    return new Step.Wait(id, span(span), Optional.empty(), Optional.ofNullable(next));
  }

  public static Step.Wait waitUntil(String id, Step.Until until, String next) {
    return new Step.Wait(id, Optional.empty(), Optional.of(until), Optional.ofNullable(next));
  }

  public static Step.Until timeOfDay(String time) {
    return new Step.Until(
        Optional.of(LocalTime.parse(time)), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Step.Until date(String field, String offset, String time) {
    return new Step.Until(
        Optional.ofNullable(time).map(LocalTime::parse),
        Optional.of(field),
        span(offset),
        Optional.empty());
  }

  public static Step.Until instant(String instant) {
    return new Step.Until(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Instant.parse(instant)));
  }

  public static Step.WaitFor waitFor(
      String id,
      String event,
      String correlate,
      String timeout,
      String performed,
      String timedOut,
      FieldFilter... filters) {
    return new Step.WaitFor(
        id,
        new EventMatcher(event, List.of(filters)),
        Optional.ofNullable(correlate),
        span(timeout).orElseThrow(),
        Optional.ofNullable(performed),
        Optional.ofNullable(timedOut));
  }

  public static FieldFilter filter(String field, FilterOp op, Object value) {
    return new FieldFilter(field, op, value == null ? null : json(value));
  }

  public static Step.Branch branch(String id, String otherwise, Step.Condition... conditions) {
    return new Step.Branch(id, List.of(conditions), Optional.ofNullable(otherwise));
  }

  public static Step.Condition trait(String trait, FilterOp op, Object value, String next) {
    return new Step.TraitCondition(trait, op, json(value), Optional.ofNullable(next));
  }

  public static Step.Condition entry(String field, FilterOp op, Object value, String next) {
    return new Step.EntryCondition(filter(field, op, value), Optional.ofNullable(next));
  }

  public static Step.Condition segment(String segment, boolean member, String next) {
    return new Step.SegmentCondition(segment, member, Optional.ofNullable(next));
  }

  public static Step.Condition message(String step, Step.Engagement status, String next) {
    return new Step.MessageCondition(step, status, Optional.ofNullable(next));
  }

  public static Step.Split split(String id, Step.Variant... variants) {
    return new Step.Split(id, List.of(variants));
  }

  public static Step.Variant variant(String name, int percent, String next) {
    return new Step.Variant(name, percent, Optional.ofNullable(next));
  }

  public static Step.Update update(
      String id, Map<String, Object> set, Map<String, Double> increment, String next) {
    Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
    set.forEach((k, v) -> values.put(k, json(v)));
    return new Step.Update(id, values, increment, Optional.ofNullable(next));
  }

  public static Step.Webhook webhook(String id, String url, String next, String onError) {
    return new Step.Webhook(
        id,
        "POST",
        url,
        Map.of("X-Source", "waymark"),
        Optional.of(LIQUID_BODY),
        span("PT10S").orElseThrow(),
        2,
        Optional.ofNullable(next),
        Optional.ofNullable(onError));
  }

  /**
   * The body of {@link #webhook}: a Liquid tag around it, which Step Functions would take for a
   * JSONata expression if it were written as is.
   */
  public static final String LIQUID_BODY =
      "{% if profile.traits.email %}{\"email\": \"{{ profile.traits.email }}\"}{% endif %}";

  public static Step.Repeat repeat(String id, String back, int max, String then) {
    return new Step.Repeat(id, back, max, Optional.ofNullable(then));
  }

  public static Step.Exit exit(String id) {
    return new Step.Exit(id);
  }

  private static Optional<Span> span(String text) {
    return Optional.ofNullable(text).map(t -> Span.parse(t).orElseThrow());
  }

  private static JsonNode json(Object value) {
    return Json.MAPPER.valueToTree(value);
  }
}
