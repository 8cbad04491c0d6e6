package dev.waymark.core.segment;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a segment's rule reads: trait names, event names ({@code *} for any event), other segments,
 * consents, identities (reachability), and whether time passing alone can change it.
 */
public final class RuleDependencies {
  public static final String ANY_EVENT = "*";
  private final Set<String> traits = new TreeSet<>();
  private final Set<String> events = new TreeSet<>();
  private final Set<String> segments = new TreeSet<>();
  private boolean consents;
  private boolean identities;
  private boolean timeDependent;

  public static RuleDependencies of(Rule rule) {
    RuleDependencies dependencies = new RuleDependencies();
    rule.collect(dependencies);
    return dependencies;
  }

  void trait(String name) {
    traits.add(name);
  }

  void event(String name) {
    events.add(name);
  }

  void segment(String id) {
    segments.add(id);
  }

  void consents() {
    consents = true;
  }

  void identities() {
    identities = true;
  }

  void timeDependent() {
    timeDependent = true;
  }

  public Set<String> traits() {
    return traits;
  }

  public Set<String> events() {
    return events;
  }

  public Set<String> segments() {
    return segments;
  }

  public boolean readsConsents() {
    return consents;
  }

  public boolean readsIdentities() {
    return identities;
  }

  public boolean readsEvents() {
    return !events.isEmpty();
  }

  public boolean isTimeDependent() {
    return timeDependent;
  }
}
