package dev.waymark.core.journey;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entry events the router is certain to refuse, found before they are emitted: an audience run asks
 * for its members' memberships of the journeys their events would reach (one batch read per
 * journey) and emits only the events some journey might take. The decision is the router's own
 * ({@link JourneyRouter#decide}, with {@link EntryPolicy}); for each event left out it records the
 * refusal the router would record (the router's trace, keyed by the event's messageId, written in
 * batches; the refusal counters added up per run), so a journey's counts and a person's trace read
 * the same whether or not the event was emitted. What the person's timeline no longer shows is the
 * {@code Audience Schedule Fired} event itself.
 *
 * <p>Certain means: refused now, and refused by the membership alone (a lock, the entry cap, an
 * entry already made under eligibility once) at {@link #MARGIN} from now. A membership only gains
 * entries and a later lock, so such a refusal holds at any time in between, whenever the event
 * would have been processed; a lock ending within the margin is left to the router. Nothing is
 * settled ahead while a live journey has a goal on the entry event's own name. What does not see an
 * event settled ahead: a {@code waitFor} or a segment rule on that reserved name (the shipped
 * journeys and segments have none).
 */
public final class EntryRefusals {
  /** How long after the run its events may still be processed (a refusal must hold that long). */
  public static final Duration MARGIN = Duration.ofHours(1);

  private static final Set<EntryDecision> BY_MEMBERSHIP =
      Set.of(EntryDecision.LOCKED, EntryDecision.CAPPED, EntryDecision.ALREADY_ENTERED_ONCE);

  private final JourneyRouter router;
  private final Clock clock;

  public EntryRefusals(JourneyRouter router, Clock clock) {
    this.router = router;
    this.clock = clock;
  }

  /** A refusal counter of a journey version. */
  private record Refused(String journeyId, String version, EntryDecision decision) {}

  /** An entry event about to be emitted for a person. */
  public record Candidate(InboundEvent event, Profile profile) {}

  /**
   * The candidates some journey might still take, in their order; the others' refusals are recorded
   * as the router would record them.
   */
  public List<Candidate> withoutCertainRefusals(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    Instant now = clock.instant();
    Map<Candidate, List<JourneyDefinition>> reached = new LinkedHashMap<>();
    Map<String, List<String>> people = new HashMap<>(); // journey id -> profile ids
    List<JourneyDefinition> all = router.catalog().journeys();
    Set<String> goalEvents = new HashSet<>();
    all.forEach(j -> j.goals().forEach(g -> goalEvents.add(g.event().event())));
    for (Candidate candidate : candidates) {
      List<JourneyDefinition> journeys = new ArrayList<>();
      if (goalEvents.contains(candidate.event().eventName())) {
        reached.put(candidate, journeys); // a goal on the event itself: the router must see it
        continue;
      }
      for (JourneyDefinition journey : all) {
        if (journey.entry().matches(candidate.event(), candidate.profile())) {
          journeys.add(journey);
          people
              .computeIfAbsent(journey.id(), j -> new ArrayList<>())
              .add(candidate.profile().id());
        }
      }
      reached.put(candidate, journeys);
    }
    Map<String, Map<String, Membership>> memberships = new HashMap<>();
    people.forEach((id, ids) -> memberships.put(id, router.store().memberships(id, ids)));
    List<Candidate> emit = new ArrayList<>();
    List<TraceEntry> traces = new ArrayList<>();
    Map<Refused, Long> counts = new LinkedHashMap<>();
    reached.forEach(
        (candidate, journeys) -> {
          List<Map.Entry<JourneyDefinition, EntryDecision>> refusals = new ArrayList<>();
          for (JourneyDefinition journey : journeys) {
            Membership membership = memberships.get(journey.id()).get(candidate.profile().id());
            certainRefusal(journey, candidate, membership, now)
                .ifPresent(d -> refusals.add(Map.entry(journey, d)));
          }
          if (journeys.isEmpty() || refusals.size() < journeys.size()) {
            emit.add(candidate);
            return;
          }
          for (Map.Entry<JourneyDefinition, EntryDecision> r : refusals) {
            JourneyDefinition journey = r.getKey();
            traces.add(
                router.refusal(
                    journey,
                    candidate.profile().id(),
                    candidate.event().messageId(),
                    r.getValue()));
            counts.merge(new Refused(journey.id(), journey.version(), r.getValue()), 1L, Long::sum);
          }
        });
    router.store().traceAll(traces);
    counts.forEach(
        (k, n) ->
            router
                .store()
                .count(k.journeyId(), k.version(), JourneyCounter.refused(k.decision()), n));
    return emit;
  }

  /** The router's decision now, if it is a refusal that is certain (see the class comment). */
  private Optional<EntryDecision> certainRefusal(
      JourneyDefinition journey, Candidate candidate, Membership membership, Instant now) {
    if (router.catalog().state(journey.id()) != JourneyState.live
        || membership == null
        || membership.hasEntry(candidate.event().messageId())) {
      return Optional.empty(); // the router's own path (paused, stopped, a replayed entry)
    }
    if (!BY_MEMBERSHIP.contains(EntryPolicy.decide(journey, membership, now.plus(MARGIN)))) {
      return Optional.empty();
    }
    EntryDecision decision = router.decide(journey, candidate.profile().id(), membership, now);
    return decision.enters() ? Optional.empty() : Optional.of(decision);
  }
}
