package dev.waymark.local.scheduler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.clock.DueSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EventBridge Scheduler on the virtual clock: schedules are kept in memory and, as the clock
 * advances, every occurrence is fired at its own instant, in time order with the engine's timers
 * (the clock is a {@link DueSource} of the virtual clock) — each one, as the real scheduler does —
 * by invoking the target function's handler in-process with the schedule's input ({@code
 * <aws.scheduler.scheduled-time>} replaced by the occurrence). One-time {@code at()} schedules with
 * {@code ActionAfterCompletion: DELETE} are deleted once fired.
 *
 * <p>Next-due-time scheduling: a target may tell when it next has work ({@link
 * ScheduleTargets#quietUntil}); occurrences before that would do nothing and are passed over
 * without an invocation, so an hourly sweep with nothing due costs nothing on a year's advance.
 */
public final class LocalScheduler implements DueSource {
  public static final String DEFAULT_GROUP = "default";
  private final Clock clock;
  private final ScheduleTargets targets;
  private final Map<String, LocalSchedule> schedules = new TreeMap<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private int fired;

  /** What the last {@link #nextDue} found per schedule (see there); taken by the next fireDue. */
  private Map<LocalSchedule, Optional<Instant>> justFound = Map.of();

  public LocalScheduler(Clock clock, ScheduleTargets targets) {
    this.clock = clock;
    this.targets = targets;
  }

  /** Creates a schedule from a CreateSchedule body; false when the name is taken in the group. */
  public synchronized boolean create(String group, String name, ObjectNode definition) {
    group = group == null ? DEFAULT_GROUP : group;
    String key = key(group, name);
    if (schedules.containsKey(key)) {
      return false;
    }
    Instant now = clock.instant();
    schedules.put(
        key,
        new LocalSchedule(group, name, definition, expression(definition, now), now, now, now));
    return true;
  }

  /** Replaces a schedule's definition; false when there is no such schedule. */
  public synchronized boolean update(String group, String name, ObjectNode definition) {
    group = group == null ? DEFAULT_GROUP : group;
    LocalSchedule old = schedules.get(key(group, name));
    if (old == null) {
      return false;
    }
    Instant now = clock.instant();
    schedules.put(
        key(group, name),
        new LocalSchedule(
            group,
            name,
            definition,
            expression(definition, old.created()),
            old.created(),
            now,
            old.lastFired()));
    return true;
  }

  synchronized Optional<LocalSchedule> get(String group, String name) {
    return Optional.ofNullable(schedules.get(key(group, name)));
  }

  public synchronized boolean delete(String group, String name) {
    return schedules.remove(key(group, name)) != null;
  }

  synchronized List<LocalSchedule> list(String group, String namePrefix) {
    return schedules.values().stream()
        .filter(s -> group == null || s.group().equals(group))
        .filter(s -> namePrefix == null || s.name().startsWith(namePrefix))
        .toList();
  }

  /**
   * Fires everything that fell due up to {@code now}, earliest first. Targets run outside the lock,
   * so a target may itself create or delete schedules.
   */
  @Override
  public void fireDue(Instant now) {
    Optional<Map.Entry<LocalSchedule, Instant>> next;
    Map<LocalSchedule, Optional<Instant>> known = takeJustFound();
    while ((next = takeNext(now, known)).isPresent()) {
      invoke(next.get().getKey(), next.get().getValue());
    }
  }

  private synchronized Map<LocalSchedule, Optional<Instant>> takeJustFound() {
    Map<LocalSchedule, Optional<Instant>> found = justFound;
    justFound = Map.of();
    return new HashMap<>(found);
  }

  /**
   * The earliest occurrence that has work to do (see the class comment). The occurrences found are
   * kept for the {@link #fireDue} that follows (the clock then stands at the earliest of them): a
   * target's hint is asked once per instant, and again only for a schedule that has just fired (its
   * next occurrence). Work that appears meanwhile for another target is found by the clock's next
   * look, at the same instant: nothing is passed over or fired late.
   */
  @Override
  public synchronized Optional<Instant> nextDue() {
    Map<LocalSchedule, Optional<Instant>> found = new HashMap<>();
    schedules.values().stream()
        .filter(LocalSchedule::enabled)
        .forEach(s -> found.put(s, nextWithWork(s)));
    justFound = found;
    return found.values().stream().flatMap(Optional::stream).min(Comparator.naturalOrder());
  }

  /** The schedule's next occurrence, passing over those before its target's next work. */
  private Optional<Instant> nextWithWork(LocalSchedule schedule) {
    Optional<Instant> next = schedule.expression().nextAfter(schedule.lastFired());
    if (next.isEmpty()) {
      return next;
    }
    if (!schedule.input().contains("<aws.scheduler.scheduled-time>")) {
      return next; // an input naming its own time (a rerun of a given day) always runs
    }
    Optional<Instant> work = targets.quietUntil(schedule.targetArn(), next.get());
    if (work.isEmpty()) {
      return work; // nothing to do now: no occurrence until the target has work
    }
    return work.get().isAfter(next.get())
        ? schedule.expression().nextAfter(work.get().minusNanos(1))
        : next;
  }

  private synchronized Optional<Map.Entry<LocalSchedule, Instant>> takeNext(
      Instant now, Map<LocalSchedule, Optional<Instant>> known) {
    Optional<Map.Entry<LocalSchedule, Instant>> next =
        schedules.values().stream()
            .filter(LocalSchedule::enabled)
            .flatMap(
                s ->
                    known
                        .computeIfAbsent(s, this::nextWithWork)
                        .filter(t -> !t.isAfter(now))
                        .map(t -> Map.entry(s, t))
                        .stream())
            .min(Map.Entry.comparingByValue(Comparator.naturalOrder()));
    next.ifPresent(
        n -> {
          LocalSchedule schedule = n.getKey();
          String key = key(schedule.group(), schedule.name());
          if (schedule.deleteAfterCompletion()
              && schedule.expression().nextAfter(n.getValue()).isEmpty()) {
            schedules.remove(key);
          } else {
            schedules.put(key, schedule.fired(n.getValue()));
          }
          fired++;
        });
    return next;
  }

  private void invoke(LocalSchedule schedule, Instant at) {
    String input = schedule.input().replace("<aws.scheduler.scheduled-time>", at.toString());
    try {
      targets.invoke(
          schedule.targetArn(), Json.read(input, new TypeReference<Map<String, Object>>() {}));
    } catch (RuntimeException e) {
      failures.add(schedule.name() + " at " + at + ": " + e);
      System.err.println("local scheduler: " + schedule.name() + " at " + at + " failed: " + e);
    }
  }

  /** How many occurrences have fired so far. */
  public synchronized int firedCount() {
    return fired;
  }

  /**
   * Occurrences whose target failed (the real scheduler would retry, then drop or dead-letter
   * them).
   */
  public List<String> failures() {
    return new ArrayList<>(failures);
  }

  private static ScheduleExpression expression(ObjectNode definition, Instant anchor) {
    ZoneId zone = ZoneId.of(definition.path("ScheduleExpressionTimezone").asText("UTC"));
    return ScheduleExpression.parse(definition.path("ScheduleExpression").asText(), zone, anchor);
  }

  private static String key(String group, String name) {
    return (group == null ? DEFAULT_GROUP : group) + "/" + name;
  }
}
