package dev.waymark.core.journey.language;

import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.Span;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.send.SendWindow;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the steps of a journey document, one at a time, and records every reference from a step to
 * another ({@link Ref}) for {@link GraphRules} to check once all ids are known.
 */
final class StepReader {
  /** A step id named at {@code at} by step {@code from}; {@code back} for a repeat's loop. */
  record Ref(int from, String fromId, String target, Cursor at, boolean back) {}

  static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put(
        "send", List.of("channels", "also", "template", "topic", "window", "codePool", "next"));
    FIELDS.put("wait", List.of("duration", "until", "next"));
    FIELDS.put(
        "waitFor", List.of("event", "filters", "correlate", "timeout", "performed", "timedOut"));
    FIELDS.put("branch", List.of("conditions", "default"));
    FIELDS.put("split", List.of("variants"));
    FIELDS.put("update", List.of("set", "increment", "next"));
    FIELDS.put(
        "webhook",
        List.of("method", "url", "headers", "body", "timeout", "retries", "next", "onError"));
    FIELDS.put("repeat", List.of("back", "max", "then"));
    FIELDS.put("exit", List.of());
  }

  static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  static final Pattern DATE_FIELD =
      Pattern.compile("(traits|entry\\.properties)\\.[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*");

  /** The longest wait or waitFor timeout: a Step Functions run lasts at most a year. */
  static final int MAX_WAIT_DAYS = 365;

  private final TemplateLookup templates;
  final List<Ref> refs = new ArrayList<>();

  /** Branch conditions on an earlier send step: (branch index, send step id, where). */
  final List<Ref> messageRefs = new ArrayList<>();

  StepReader(TemplateLookup templates) {
    this.templates = templates;
  }

  /** The step at {@code index} (its id already read), or empty when it has errors. */
  Optional<Step> read(int index, Cursor step, String id) {
    int before = step.errors().size();
    Optional<String> type =
        step.field("type").required() ? step.field("type").text() : Optional.empty();
    if (type.isPresent() && !FIELDS.containsKey(type.get())) {
      step.field("type")
          .fail(
              "\""
                  + type.get()
                  + "\" is not a step type: one of "
                  + String.join(", ", FIELDS.keySet()));
      return Optional.empty();
    }
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<String> known = new ArrayList<>(List.of("id", "type"));
    known.addAll(FIELDS.get(type.get()));
    step.onlyFields(known, "a " + type.get() + " step");
    Step read =
        switch (type.get()) {
          case "send" -> send(index, step, id);
          case "wait" -> wait(index, step, id);
          case "waitFor" -> waitFor(index, step, id);
          case "branch" -> branch(index, step, id);
          case "split" -> split(index, step, id);
          case "update" -> ActionSteps.update(this, index, step, id);
          case "webhook" -> ActionSteps.webhook(this, index, step, id);
          case "repeat" -> repeat(index, step, id);
          default -> new Step.Exit(id);
        };
    return step.errors().size() > before ? Optional.empty() : Optional.ofNullable(read);
  }

  /** A reference to another step at {@code at} (absent: empty, the run ends there). */
  Optional<String> ref(int index, String id, Cursor at) {
    Optional<String> target = at.text(Cursor.STEP_ID, "must be a step id");
    target.ifPresent(t -> refs.add(new Ref(index, id, t, at, false)));
    return target;
  }

  private static final java.util.regex.Pattern CODE_POOL =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private Step send(int index, Cursor step, String id) {
    List<Channel> channels = channels(step.field("channels"), true);
    List<Channel> also = channels(step.field("also"), false);
    for (Channel c : also) {
      if (channels.contains(c)) {
        step.field("also").fail("repeats channel " + c + " of channels");
      }
    }
    Optional<String> template = step.field("template").requiredText();
    if (template.isPresent() && templates != TemplateLookup.ANY) {
      checkTemplate(step, template.get());
    }
    Optional<String> topic = step.field("topic").text();
    SendWindow window = window(step.field("window"));
    Optional<String> codePool =
        step.field("codePool")
            .text(CODE_POOL, "must be a code pool id: lower-case letters, digits, dashes, 1 to 64");
    Optional<String> next = ref(index, id, step.field("next"));
    return template.isEmpty() || window == null
        ? null
        : new Step.Send(id, channels, also, template.get(), topic, window, codePool, next);
  }

  private List<Channel> channels(Cursor list, boolean required) {
    if (required && !list.required()) {
      return List.of();
    }
    if (required && list.node().isArray() && list.node().isEmpty()) {
      list.fail("must name at least one channel");
    }
    List<Channel> channels = new ArrayList<>();
    for (Cursor item : list.items()) {
      Optional<Channel> channel =
          item.text()
              .flatMap(
                  t ->
                      FIELDS_OF_CHANNEL.contains(t)
                          ? Optional.of(Channel.valueOf(t))
                          : Optional.empty());
      if (item.node().isTextual() && channel.isEmpty()) {
        item.fail("\"" + item.node().asText() + "\" is not a channel: email, sms or push");
      }
      channel.ifPresent(
          c -> {
            if (channels.contains(c)) {
              item.fail("repeats channel " + c);
            }
            channels.add(c);
          });
    }
    return channels;
  }

  private static final Set<String> FIELDS_OF_CHANNEL = Set.of("email", "sms", "push");

  private void checkTemplate(Cursor step, String id) {
    Optional<MessageTemplate> template = templates.find(id);
    if (template.isEmpty()) {
      step.field("template").fail("\"" + id + "\" is not a template");
      return;
    }
    for (String list : List.of("channels", "also")) {
      for (Cursor item : step.field(list).items()) {
        if (item.node().isTextual() && FIELDS_OF_CHANNEL.contains(item.node().asText())) {
          Channel channel = Channel.valueOf(item.node().asText());
          if (!template.get().supports(channel)) {
            item.problem(
                "template \"" + id + "\" has no " + channel + " part (" + partsFor(channel) + ")");
          }
        }
      }
    }
  }

  private static String partsFor(Channel channel) {
    return switch (channel) {
      case email -> "subject, and html or text";
      case sms -> "sms";
      case push -> "pushBody";
    };
  }

  /** "any", {from, to} ("HH:mm"), or absent (the default window); null when wrong. */
  private static SendWindow window(Cursor window) {
    if (!window.present()) {
      return SendWindow.DEFAULT;
    }
    if (window.node().isTextual()) {
      if (window.node().asText().equals("any")) {
        return SendWindow.ANY_TIME;
      }
      window.fail("must be \"any\" or {from, to}");
      return null;
    }
    if (!window.object()) {
      return null;
    }
    window.onlyFields(Set.of("from", "to"), "a send window");
    Optional<LocalTime> from =
        window.field("from").required() ? window.field("from").timeOfDay() : Optional.empty();
    Optional<LocalTime> to =
        window.field("to").required() ? window.field("to").timeOfDay() : Optional.empty();
    return from.isPresent() && to.isPresent() ? new SendWindow(from.get(), to.get()) : null;
  }

  private Step wait(int index, Cursor step, String id) {
    Cursor duration = step.field("duration");
    Cursor until = step.field("until");
    if (duration.present() == until.present()) {
      step.problem("a wait has exactly one of duration and until");
    }
    Optional<Span> span = duration.positiveSpan(MAX_WAIT_DAYS);
    Optional<Step.Until> when = until(until);
    Optional<String> next = ref(index, id, step.field("next"));
    return new Step.Wait(id, span, when, next);
  }

  private static Optional<Step.Until> until(Cursor until) {
    if (!until.object()) {
      return Optional.empty();
    }
    until.onlyFields(Set.of("timeOfDay", "date", "offset", "instant"), "until");
    var n = until.node();
    if (!n.has("timeOfDay") && !n.has("date") && !n.has("instant")) {
      until.fail("needs timeOfDay, date or instant");
    }
    if (n.has("instant") && n.size() > 1) {
      until.fail("with an instant has no other field");
    }
    if (n.has("offset") && !n.has("date")) {
      until.field("offset").fail("needs a date to be added to");
    }
    Optional<LocalTime> time = until.field("timeOfDay").timeOfDay();
    Optional<String> date =
        until.field("date").text(DATE_FIELD, "must be traits.<name> or entry.properties.<name>");
    Optional<Span> offset = until.field("offset").span(true);
    var instant = until.field("instant").instant();
    return Optional.of(new Step.Until(time, date, offset, instant));
  }

  private Step waitFor(int index, Cursor step, String id) {
    Optional<EventMatcher> event = Filters.matcher(step);
    Optional<String> correlate =
        step.field("correlate").text(Cursor.DOTTED, "must be a dotted field such as properties.id");
    Optional<Span> timeout =
        step.field("timeout").required()
            ? step.field("timeout").positiveSpan(MAX_WAIT_DAYS)
            : Optional.empty();
    Optional<String> performed = ref(index, id, step.field("performed"));
    Optional<String> timedOut = ref(index, id, step.field("timedOut"));
    return event.isEmpty() || timeout.isEmpty()
        ? null
        : new Step.WaitFor(id, event.get(), correlate, timeout.get(), performed, timedOut);
  }

  private Step branch(int index, Cursor step, String id) {
    List<Step.Condition> conditions = new ArrayList<>();
    Cursor list = step.field("conditions");
    if (list.required() && list.node().isArray() && list.node().isEmpty()) {
      list.fail("must have at least one condition");
    }
    for (Cursor c : list.items()) {
      BranchConditions.read(this, index, id, c).ifPresent(conditions::add);
    }
    Optional<String> otherwise = ref(index, id, step.field("default"));
    return new Step.Branch(id, conditions, otherwise);
  }

  private Step split(int index, Cursor step, String id) {
    List<Step.Variant> variants = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int total = 0;
    Cursor list = step.field("variants");
    if (list.required() && list.node().isArray() && list.node().isEmpty()) {
      list.fail("must have at least one variant");
    }
    for (Cursor v : list.items()) {
      if (!v.object()) {
        continue;
      }
      v.onlyFields(Set.of("name", "percent", "next"), "a variant");
      Optional<String> name =
          v.field("name").required()
              ? v.field("name").text(VARIANT, "must be letters, digits, _ or -, at most 32")
              : Optional.empty();
      if (name.isPresent() && !names.add(name.get())) {
        v.field("name").fail("\"" + name.get() + "\" is the name of another variant");
      }
      Optional<Integer> percent =
          v.field("percent").required() ? v.field("percent").integer(1, 100) : Optional.empty();
      total += percent.orElse(0);
      Optional<String> next = ref(index, id, v.field("next"));
      if (name.isPresent() && percent.isPresent()) {
        variants.add(new Step.Variant(name.get(), percent.get(), next));
      }
    }
    if (list.node() != null
        && list.node().isArray()
        && variants.size() == list.node().size()
        && total != 100) {
      list.problem("the variants' percents add up to " + total + ", not 100");
    }
    return new Step.Split(id, variants);
  }

  private Step repeat(int index, Cursor step, String id) {
    Cursor backAt = step.field("back");
    Optional<String> back =
        backAt.required() ? backAt.text(Cursor.STEP_ID, "must be a step id") : Optional.empty();
    back.ifPresent(b -> refs.add(new Ref(index, id, b, backAt, true)));
    Optional<Integer> max =
        step.field("max").required() ? step.field("max").integer(1, 10) : Optional.empty();
    Optional<String> then = ref(index, id, step.field("then"));
    return back.isEmpty() || max.isEmpty()
        ? null
        : new Step.Repeat(id, back.get(), max.get(), then);
  }
}
