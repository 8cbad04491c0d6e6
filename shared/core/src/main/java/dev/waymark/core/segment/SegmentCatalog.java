package dev.waymark.core.segment;

import dev.waymark.core.problem.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every defined segment, checked as a whole: ids unique, {@code inSegment} names a defined segment,
 * and no segment depends on itself through others. Kept in dependency order, so a segment comes
 * after the segments it reads.
 */
public final class SegmentCatalog {
  private final Map<String, SegmentDefinition> byId = new LinkedHashMap<>();
  private final Map<String, RuleDependencies> dependencies = new LinkedHashMap<>();

  public SegmentCatalog(Collection<SegmentDefinition> definitions) {
    Map<String, SegmentDefinition> given = new LinkedHashMap<>();
    List<FieldError> problems = new ArrayList<>();
    for (SegmentDefinition d : definitions) {
      if (given.put(d.id(), d) != null) {
        problems.add(new FieldError("/id", "segment " + d.id() + " is defined twice"));
      }
    }
    for (SegmentDefinition d : given.values()) {
      for (String other : d.dependencies().segments()) {
        if (!given.containsKey(other)) {
          problems.add(
              new FieldError(
                  "/rule", d.id() + ": inSegment " + other + " is not a defined segment"));
        }
      }
    }
    if (problems.isEmpty()) {
      Set<String> visiting = new HashSet<>();
      given.keySet().forEach(id -> order(id, given, visiting, problems));
    }
    if (!problems.isEmpty()) {
      throw new SegmentDefinitionException("segments", problems);
    }
  }

  private void order(
      String id,
      Map<String, SegmentDefinition> given,
      Set<String> visiting,
      List<FieldError> problems) {
    if (byId.containsKey(id)) {
      return;
    }
    if (!visiting.add(id)) {
      problems.add(new FieldError("/rule", id + ": segments depend on each other in a cycle"));
      return;
    }
    SegmentDefinition definition = given.get(id);
    RuleDependencies reads = definition.dependencies();
    reads.segments().forEach(other -> order(other, given, visiting, problems));
    visiting.remove(id);
    if (!byId.containsKey(id)) {
      byId.put(id, definition);
      dependencies.put(id, reads);
    }
  }

  public static SegmentCatalog empty() {
    return new SegmentCatalog(List.of());
  }

  /** In dependency order. */
  public List<SegmentDefinition> all() {
    return List.copyOf(byId.values());
  }

  public Optional<SegmentDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public RuleDependencies dependenciesOf(String id) {
    return dependencies.get(id);
  }

  /** A catalog with one more (draft) segment, checked like the others. */
  public SegmentCatalog with(SegmentDefinition draft) {
    List<SegmentDefinition> all = new ArrayList<>(byId.values());
    all.removeIf(d -> d.id().equals(draft.id()));
    all.add(draft);
    return new SegmentCatalog(all);
  }
}
