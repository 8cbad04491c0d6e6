package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.Span;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a journey's graph. Steps name the steps that follow them by id; an absent {@code
 * next} ends the run. The only way back to an earlier step is a {@link Repeat}, which is bounded.
 */
public sealed interface Step
    permits Step.Send,
        Step.Wait,
        Step.WaitFor,
        Step.Branch,
        Step.Split,
        Step.Update,
        Step.Webhook,
        Step.Repeat,
        Step.Exit {
  String id();

  /** The step ids this step may go to, in a stable order (for reachability and drawing). */
  List<String> successors();

  /**
   * A message: the first of {@code channels} that reaches the person (fallback order), plus each of
   * {@code also} as a send of its own; with {@code codePool}, carrying a unique promo code drawn
   * from that pool of the journey (no send without one).
   */
  record Send(
      String id,
      List<Channel> channels,
      List<Channel> also,
      String template,
      Optional<String> topic,
      SendWindow window,
      Optional<String> codePool,
      Optional<String> next)
      implements Step {
    public Send {
      channels = List.copyOf(channels);
      also = List.copyOf(also);
    }

    @Override
    public List<String> successors() {
      return next.stream().toList();
    }
  }

  /** Waits a duration, or until a moment computed for the person ({@link Until}). */
  record Wait(String id, Optional<Span> duration, Optional<Until> until, Optional<String> next)
      implements Step {
    @Override
    public List<String> successors() {
      return next.stream().toList();
    }
  }

  /**
   * Until a moment: the next {@code timeOfDay} in the person's time zone; a date field ({@code
   * traits.<x>} or {@code entry.properties.<x>}) plus {@code offset}, at {@code timeOfDay} when
   * given; or a fixed {@code instant}.
   */
  record Until(
      Optional<LocalTime> timeOfDay,
      Optional<String> date,
      Optional<Span> offset,
      Optional<Instant> instant) {}

  /**
   * Waits for an event (with filters; optionally with the same value of {@code correlate} as the
   * entry event) for at most {@code timeout}.
   */
  record WaitFor(
      String id,
      EventMatcher event,
      Optional<String> correlate,
      Span timeout,
      Optional<String> performed,
      Optional<String> timedOut)
      implements Step {
    @Override
    public List<String> successors() {
      return java.util.stream.Stream.of(performed, timedOut).flatMap(Optional::stream).toList();
    }
  }

  /** Ordered conditions, the first that holds chooses the path; else {@code otherwise}. */
  record Branch(String id, List<Condition> conditions, Optional<String> otherwise) implements Step {
    public Branch {
      conditions = List.copyOf(conditions);
    }

    @Override
    public List<String> successors() {
      var ids = new java.util.ArrayList<String>();
      conditions.forEach(c -> c.next().ifPresent(ids::add));
      otherwise.ifPresent(ids::add);
      return List.copyOf(ids);
    }
  }

  /** A branch condition and the step it leads to. */
  sealed interface Condition {
    Optional<String> next();
  }

  /** {@code traits.<trait> <op> value}. */
  record TraitCondition(String trait, FilterOp op, JsonNode value, Optional<String> next)
      implements Condition {}

  /** A field of the entry event ({@code properties.price}) {@code <op> value}. */
  record EntryCondition(FieldFilter filter, Optional<String> next) implements Condition {}

  /** In (or not in) a segment. */
  record SegmentCondition(String segment, boolean member, Optional<String> next)
      implements Condition {}

  /** An earlier send step of the same run reached this engagement. */
  record MessageCondition(String step, Engagement status, Optional<String> next)
      implements Condition {}

  enum Engagement {
    delivered,
    opened,
    clicked
  }

  /** Random paths by percentage (A/B/n); the variant is fixed per run. */
  record Split(String id, List<Variant> variants) implements Step {
    public Split {
      variants = List.copyOf(variants);
    }

    @Override
    public List<String> successors() {
      return variants.stream().flatMap(v -> v.next().stream()).toList();
    }
  }

  record Variant(String name, int percent, Optional<String> next) {}

  /** Sets and increments profile traits (literal values). */
  record Update(
      String id, Map<String, JsonNode> set, Map<String, Double> increment, Optional<String> next)
      implements Step {
    public Update {
      set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
      increment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(increment));
    }

    @Override
    public List<String> successors() {
      return next.stream().toList();
    }
  }

  /** A signed HTTPS call; its JSON response is kept for later steps; failures go to onError. */
  record Webhook(
      String id,
      String method,
      String url,
      Map<String, String> headers,
      Optional<String> body,
      Span timeout,
      int retries,
      Optional<String> next,
      Optional<String> onError)
      implements Step {
    public Webhook {
      headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    @Override
    public List<String> successors() {
      return java.util.stream.Stream.of(next, onError).flatMap(Optional::stream).toList();
    }
  }

  /** Goes back to {@code back} at most {@code max} times, then on to {@code then}. */
  record Repeat(String id, String back, int max, Optional<String> then) implements Step {
    @Override
    public List<String> successors() {
      var ids = new java.util.ArrayList<String>();
      ids.add(back);
      then.ifPresent(ids::add);
      return List.copyOf(ids);
    }
  }

  /** Ends the run. */
  record Exit(String id) implements Step {
    @Override
    public List<String> successors() {
      return List.of();
    }
  }
}
