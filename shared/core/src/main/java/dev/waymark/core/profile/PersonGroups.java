package dev.waymark.core.profile;

import dev.waymark.core.event.EventType;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits a batch's events into groups that touch disjoint people: two events are in one group when
 * they name a common identity (an alias's previousId counts in both namespaces) or identities known
 * to point at one profile. A group's events are processed one after another, in the batch's order,
 * so events of one person do not race each other; groups run concurrently.
 */
final class PersonGroups {
  private PersonGroups() {}

  /** The identities an event may touch, previousId included. */
  static Set<Identity> identitiesOf(InboundEvent event) {
    Set<Identity> identities = new TreeSet<>(event.identities());
    if (event.type() == EventType.ALIAS && event.previousId().isPresent()) {
      identities.add(Identity.of(IdentityNamespace.USER_ID, event.previousId().get()));
      identities.add(Identity.of(IdentityNamespace.ANONYMOUS_ID, event.previousId().get()));
    }
    return identities;
  }

  /**
   * The groups, each a list of positions in {@code events} in ascending order, ordered by their
   * first position; a null event (one that could not be read) is in no group.
   */
  static List<List<Integer>> of(
      List<InboundEvent> events, Function<Identity, Optional<String>> owner) {
    int[] parent = new int[events.size()];
    Map<String, Integer> firstWith = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      parent[i] = i;
      if (events.get(i) == null) {
        continue;
      }
      for (Identity identity : identitiesOf(events.get(i))) {
        join(parent, firstWith, "identity " + identity, i);
        Optional<String> profile = owner.apply(identity);
        if (profile.isPresent()) {
          join(parent, firstWith, "profile " + profile.get(), i);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) != null) {
        groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    return List.copyOf(groups.values());
  }

  private static void join(int[] parent, Map<String, Integer> firstWith, String key, int i) {
    Integer first = firstWith.putIfAbsent(key, i);
    if (first != null) {
      int a = root(parent, first);
      int b = root(parent, i);
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
