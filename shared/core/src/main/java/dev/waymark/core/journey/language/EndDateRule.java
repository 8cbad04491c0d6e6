package dev.waymark.core.journey.language;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A wait that surely ends after the journey's {@code endsAt} is a mistake. Sure means: a wait
 * {@code until: {instant}} after endsAt; or, when the journey has a {@code startsAt}, a wait whose
 * duration ends after endsAt even for a person who entered at startsAt and took the quickest way to
 * it (the other steps count as instant, a wait until an instant as lasting until it). Waits until a
 * time of day or a date field depend on the person and are not checked.
 */
record EndDateRule(List<Step> steps, List<List<Integer>> forward, List<Cursor> cursors) {

  /** {@code forward} must be acyclic (repeat loops left out). */
  void check(int first, Optional<Instant> starts, Instant ends) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Wait wait) {
        Optional<Instant> instant = wait.until().flatMap(Step.Until::instant);
        if (instant.isPresent() && instant.get().isAfter(ends)) {
          cursors
              .get(i)
              .field("until")
              .field("instant")
              .problem("waits until " + instant.get() + ", after the journey's endsAt " + ends);
        }
      }
    }
    if (starts.isEmpty()) {
      return;
    }
    Instant[] earliest = new Instant[steps.size()];
    earliest[first] = starts.get();
    for (int at : topologicalOrder()) {
      if (earliest[at] == null) {
        continue;
      }
      Instant leaves = leaves(at, earliest[at]);
      if (steps.get(at) instanceof Step.Wait wait
          && wait.duration().isPresent()
          && leaves.isAfter(ends)) {
        cursors
            .get(at)
            .field("duration")
            .problem(
                "the wait ends at "
                    + leaves
                    + " at the earliest (entering at startsAt), after the journey's endsAt "
                    + ends);
      }
      for (int n : forward.get(at)) {
        if (earliest[n] == null || leaves.isBefore(earliest[n])) {
          earliest[n] = leaves;
        }
      }
    }
  }

  /** The earliest a run that arrives at step {@code at} at {@code arrives} leaves it. */
  private Instant leaves(int at, Instant arrives) {
    if (!(steps.get(at) instanceof Step.Wait wait)) {
      return arrives;
    }
    if (wait.duration().isPresent()) {
      return wait.duration().get().after(arrives);
    }
    return wait.until()
        .flatMap(Step.Until::instant)
        .filter(i -> i.isAfter(arrives))
        .orElse(arrives);
  }

  private List<Integer> topologicalOrder() {
    int[] incoming = new int[steps.size()];
    forward.forEach(out -> out.forEach(n -> incoming[n]++));
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < incoming.length; i++) {
      if (incoming[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new java.util.ArrayList<>();
    while (!ready.isEmpty()) {
      int at = ready.poll();
      order.add(at);
      for (int n : forward.get(at)) {
        if (--incoming[n] == 0) {
          ready.add(n);
        }
      }
    }
    return order;
  }
}
