package dev.waymark.core.journey.importer.pinpoint;

import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The export's {@code Activities} as a graph: each activity's kind and the references to the
 * activities that follow it. Checks that every reference names an activity and that there is no
 * loop; activities the start activity does not reach are reported and left out.
 */
final class ActivityGraph {
  static final List<String> KINDS =
      List.of(
          "EMAIL",
          "SMS",
          "PUSH",
          "CUSTOM",
          "Wait",
          "ConditionalSplit",
          "MultiCondition",
          "RandomSplit",
          "Holdout",
          "ContactCenter");

  /**
   * The activity types as the console and the activity metrics name them (WAIT, ...), accepted as
   * keys for the export's own (Wait, ...).
   */
  static final Map<String, String> TYPE_NAMES =
      new java.util.TreeMap<>(
          Map.of(
              "WAIT", "Wait",
              "CONDITIONAL_SPLIT", "ConditionalSplit",
              "MULTI_CONDITIONAL_SPLIT", "MultiCondition",
              "RANDOM_SPLIT", "RandomSplit",
              "HOLDOUT", "Holdout",
              "CONTACT_CENTER", "ContactCenter"));

  static final int MAX_ACTIVITIES = 100;

  /** An activity: its key, kind, the kind's settings and its references to next activities. */
  record Activity(String key, String kind, Node settings, List<Node> next) {}

  private final Map<String, Activity> activities = new LinkedHashMap<>();
  private final List<String> reachable = new ArrayList<>();

  ActivityGraph(ImportContext ctx, Node list, String start) {
    if (!list.present()) {
      ctx.fail(list, "is required: a journey has at least one activity");
      return;
    }
    if (!ctx.object(list)) {
      return;
    }
    List<Map.Entry<String, Node>> entries = ctx.entries(list);
    if (entries.isEmpty() || entries.size() > MAX_ACTIVITIES) {
      ctx.fail(list, "must have 1 to " + MAX_ACTIVITIES + " activities");
      return;
    }
    for (Map.Entry<String, Node> entry : entries) {
      read(ctx, entry.getKey(), entry.getValue());
    }
    for (Activity a : activities.values()) {
      for (Node ref : a.next()) {
        String target = ref.json().asText();
        if (!activities.containsKey(target)) {
          ctx.fail(ref, "names no activity of the journey (\"" + target + "\")");
        }
      }
    }
    if (start != null && !activities.containsKey(start)) {
      return;
    }
    if (!ctx.failed() && start != null) {
      walk(ctx, start);
      for (Activity a : activities.values()) {
        if (!reachable.contains(a.key())) {
          ctx.unmapped(
              a.key(),
              list.get(a.key()),
              "not reached from StartActivity: left out (Waymark refuses unreachable steps)");
        }
      }
    }
  }

  boolean has(String key) {
    return activities.containsKey(key);
  }

  Activity get(String key) {
    return activities.get(key);
  }

  /** The activities the start reaches, breadth first from it. */
  List<String> reachable() {
    return reachable;
  }

  /** Whether {@code to} can be reached from {@code from} by one or more references. */
  boolean reaches(String from, String to) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(successors(from));
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (key.equals(to)) {
        return true;
      }
      if (seen.add(key)) {
        todo.addAll(successors(key));
      }
    }
    return false;
  }

  private List<String> successors(String key) {
    Activity a = activities.get(key);
    return a == null ? List.of() : a.next().stream().map(n -> n.json().asText()).toList();
  }

  private void read(ImportContext ctx, String key, Node node) {
    if (!node.present() || !node.json().isObject()) {
      ctx.fail(node, "an activity must be an object");
      return;
    }
    if (key.isBlank() || key.length() > 128 || Ids.slug(key, Ids.STEP_ID_MAX).isEmpty()) {
      ctx.fail(node, "an activity id needs letters or digits (at most 128 characters)");
      return;
    }
    List<String> kinds =
        java.util.stream.Stream.concat(KINDS.stream(), TYPE_NAMES.keySet().stream())
            .filter(k -> node.get(k).present())
            .toList();
    if (kinds.size() != 1) {
      ctx.fail(
          node,
          "must have exactly one of "
              + String.join(", ", KINDS)
              + " (it has "
              + kinds.size()
              + ")");
      return;
    }
    Set<String> known = new HashSet<>(KINDS);
    known.addAll(TYPE_NAMES.keySet());
    known.add("Description");
    ctx.ignoreUnknown(key, node, known);
    if (node.get("Description").present()) {
      ctx.unmapped(key, node.get("Description"), "Waymark steps have no description; not kept");
    }
    Node settings = node.get(kinds.get(0));
    String kind = TYPE_NAMES.getOrDefault(kinds.get(0), kinds.get(0));
    if (!ctx.object(settings)) {
      return;
    }
    activities.put(key, new Activity(key, kind, settings, references(ctx, kind, settings)));
  }

  private static List<Node> references(ImportContext ctx, String kind, Node settings) {
    List<Node> refs = new ArrayList<>();
    switch (kind) {
      case "ConditionalSplit" -> {
        refs.add(settings.get("TrueActivity"));
        refs.add(settings.get("FalseActivity"));
      }
      case "MultiCondition", "RandomSplit" -> {
        for (Node branch : ctx.items(settings.get("Branches"), 5)) {
          refs.add(branch.get("NextActivity"));
        }
        refs.add(settings.get("DefaultActivity"));
      }
      default -> refs.add(settings.get("NextActivity"));
    }
    return refs.stream().filter(r -> ctx.text(r).isPresent()).toList();
  }

  private void walk(ImportContext ctx, String start) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    Set<String> queued = new HashSet<>(queue);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      reachable.add(key);
      for (String next : successors(key)) {
        if (queued.add(next)) {
          queue.add(next);
        }
      }
    }
    loop(ctx, start, state);
  }

  private Optional<Boolean> loop(ImportContext ctx, String key, Map<String, Integer> state) {
    state.put(key, 1);
    for (Node ref : activities.get(key).next()) {
      String next = ref.json().asText();
      Integer s = state.get(next);
      if (s != null && s == 1) {
        ctx.fail(
            ref,
            "goes back to activity \"" + next + "\": a journey with a loop cannot be imported");
        return Optional.of(true);
      }
      if (s == null && loop(ctx, next, state).isPresent()) {
        return Optional.of(true);
      }
    }
    state.put(key, 2);
    return Optional.empty();
  }
}
