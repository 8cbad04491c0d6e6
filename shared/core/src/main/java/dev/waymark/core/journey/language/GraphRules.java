package dev.waymark.core.journey.language;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules over the whole graph of steps, once every step is read: every step id named exists;
 * every step is reachable from the start; the graph without repeat loops is acyclic (so a run
 * always ends); a repeat goes back to a step that leads to it; a message condition names a send
 * step before its branch; and no wait surely ends after the journey's {@code endsAt}.
 */
final class GraphRules {
  private final List<Cursor> cursors;
  private final List<String> ids;
  private final List<Step> steps;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<List<Integer>> forward = new ArrayList<>();
  private final List<List<StepReader.Ref>> forwardRefs = new ArrayList<>();

  /**
   * @param cursors each step's place in the document
   * @param ids each step's id (null when missing or wrong)
   * @param steps each step as read (null when it has errors)
   */
  GraphRules(List<Cursor> cursors, List<String> ids, List<Step> steps) {
    this.cursors = cursors;
    this.ids = ids;
    this.steps = steps;
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) != null) {
        index.putIfAbsent(ids.get(i), i);
      }
      forward.add(new ArrayList<>());
      forwardRefs.add(new ArrayList<>());
    }
  }

  void check(
      StepReader reader,
      Cursor startAt,
      String start,
      Optional<Instant> starts,
      Optional<Instant> ends) {
    List<StepReader.Ref> backs = new ArrayList<>();
    for (StepReader.Ref ref : reader.refs) {
      Integer target = known(ref);
      if (target != null && ref.back()) {
        backs.add(ref);
      } else if (target != null) {
        forward.get(ref.from()).add(target);
        forwardRefs.get(ref.from()).add(ref);
      }
    }
    Integer first = index.get(start);
    if (first == null) {
      startAt.problem("start: unknown step id \"" + start + "\"");
      return;
    }
    reachability(first, backs);
    boolean acyclic = acyclic();
    for (StepReader.Ref back : backs) {
      int target = index.get(back.target());
      if (target == back.from() || !reaches(target, back.from())) {
        back.at()
            .problem(
                "back \"" + back.target() + "\" must be an earlier step that leads to this repeat");
      }
    }
    for (StepReader.Ref message : reader.messageRefs) {
      Integer send = known(message);
      if (send == null) {
        continue;
      }
      if (!"send".equals(cursors.get(send).node().path("type").asText())) {
        message.at().problem("\"" + message.target() + "\" is not a send step");
      } else if (!reaches(send, message.from())) {
        message
            .at()
            .problem("send step \"" + message.target() + "\" does not come before this branch");
      }
    }
    if (acyclic && ends.isPresent()) {
      new EndDateRule(steps, forward, cursors).check(first, starts, ends.get());
    }
  }

  /** The index of the step a reference names, or null (reported) when there is none. */
  private Integer known(StepReader.Ref ref) {
    Integer target = index.get(ref.target());
    if (target == null) {
      ref.at().problem("unknown step id \"" + ref.target() + "\"");
    }
    return target;
  }

  private void reachability(int first, List<StepReader.Ref> backs) {
    boolean[] seen = new boolean[ids.size()];
    Deque<Integer> todo = new ArrayDeque<>(List.of(first));
    seen[first] = true;
    while (!todo.isEmpty()) {
      int at = todo.pop();
      List<Integer> next = new ArrayList<>(forward.get(at));
      backs.stream().filter(b -> b.from() == at).forEach(b -> next.add(index.get(b.target())));
      for (int n : next) {
        if (!seen[n]) {
          seen[n] = true;
          todo.push(n);
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      if (!seen[i] && ids.get(i) != null) {
        cursors.get(i).problem("unreachable from the start step \"" + ids.get(first) + "\"");
      }
    }
  }

  /** Reports each forward edge that closes a loop; true when there is none. */
  private boolean acyclic() {
    int[] state = new int[ids.size()]; // 0 new, 1 on the path, 2 done
    boolean acyclic = true;
    for (int root = 0; root < ids.size(); root++) {
      if (state[root] != 0) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {root, 0});
      state[root] = 1;
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> out = forward.get(top[0]);
        if (top[1] == out.size()) {
          state[top[0]] = 2;
          stack.pop();
          continue;
        }
        int edge = top[1]++;
        int n = out.get(edge);
        if (state[n] == 1) {
          acyclic = false;
          StepReader.Ref ref = forwardRefs.get(top[0]).get(edge);
          ref.at()
              .problem(
                  ref.at().name()
                      + " \""
                      + ref.target()
                      + "\" goes back to an earlier step: only a repeat step may loop back");
        } else if (state[n] == 0) {
          state[n] = 1;
          stack.push(new int[] {n, 0});
        }
      }
    }
    return acyclic;
  }

  /** Whether {@code to} is reached from {@code from} by one or more forward edges. */
  private boolean reaches(int from, int to) {
    boolean[] seen = new boolean[ids.size()];
    Deque<Integer> todo = new ArrayDeque<>(forward.get(from));
    while (!todo.isEmpty()) {
      int at = todo.pop();
      if (at == to) {
        return true;
      }
      if (!seen[at]) {
        seen[at] = true;
        todo.addAll(forward.get(at));
      }
    }
    return false;
  }
}
