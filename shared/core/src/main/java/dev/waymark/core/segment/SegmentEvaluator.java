package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.account.Account;
import dev.waymark.core.account.AccountStore;
import dev.waymark.core.event.EventType;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Streaming segment evaluation. After each processed event it re-evaluates only the segments the
 * event can affect (by event name, the traits it sets, identities, or — for a Segment event — the
 * segments that read that segment, never the segment itself, so announcements cannot loop), records
 * entries and exits with the events that announce them, and schedules a re-check for when time
 * alone can change the answer. Idempotent: a replay finds nothing left to change.
 *
 * <p>Segments that read a linked account's traits ({@code account.<trait>}) are re-evaluated on
 * every event of the person (not internal ones), since another member's group call may have changed
 * the shared account; members are not re-evaluated on someone else's group call.
 */
public final class SegmentEvaluator implements ProcessedEventListener {

  private final SegmentCatalog catalog;
  private final SegmentMemberships memberships;
  private final SegmentDueChecks due;
  private final ProfileRecords records;
  private final AccountStore accounts;
  private final Clock clock;
  private final SegmentJoins joins;

  public SegmentEvaluator(
      SegmentCatalog catalog,
      SegmentMemberships memberships,
      SegmentDueChecks due,
      ProfileRecords records,
      AccountStore accounts,
      Clock clock) {
    this(catalog, memberships, due, records, accounts, clock, SegmentJoins.NONE);
  }

  /** As above, telling {@code joins} of every entry (audience schedules file late joiners). */
  public SegmentEvaluator(
      SegmentCatalog catalog,
      SegmentMemberships memberships,
      SegmentDueChecks due,
      ProfileRecords records,
      AccountStore accounts,
      Clock clock,
      SegmentJoins joins) {
    this.joins = joins;
    this.accounts = accounts;
    this.catalog = catalog;
    this.memberships = memberships;
    this.due = due;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
    Set<String> affected = affected(outcome, event);
    if (affected.isEmpty()) {
      return;
    }
    if (outcome.createdProfile()) {
      // created by this very event: no memberships yet, and this event is its only one
      evaluate(outcome.profile(), affected, Map.of(), Timeline.of(List.of(event)));
    } else {
      Map<String, SegmentMembership> current =
          memberships.of(outcome.profile().id(), read(affected));
      evaluate(outcome.profile(), affected, current, events(outcome.profile().id(), event));
    }
  }

  /** Re-checks some of a person's segments now (a due check), with no triggering event. */
  public void recheck(Profile profile, Set<String> segmentIds) {
    evaluate(profile, segmentIds, memberships.of(profile.id()), events(profile.id(), null));
  }

  /**
   * This evaluator for one stream batch: the memberships its events of known people will read are
   * read together first ({@link SegmentMemberships#ofEach}: one {@code BatchGetItem} per 100 on
   * DynamoDB instead of a query per event), each handed to that person's first evaluation in the
   * batch ({@link BatchMemberships}). If that read fails, each evaluation reads as it goes.
   *
   * @param knownProfileOf the profile an event's identities are known to point at, if known
   */
  @Override
  public ProcessedEventListener forBatch(
      List<InboundEvent> events, Function<InboundEvent, Optional<String>> knownProfileOf) {
    Map<String, Set<String>> wanted = new HashMap<>();
    for (InboundEvent event : events) {
      Optional<String> profileId = event == null ? Optional.empty() : knownProfileOf.apply(event);
      if (profileId.isPresent() && wanted.get(profileId.get()) == null) {
        Set<String> affected = affected(event, false);
        if (!affected.isEmpty()) {
          wanted.put(profileId.get(), read(affected));
        }
      }
    }
    if (wanted.isEmpty()) {
      return this;
    }
    try {
      return new SegmentEvaluator(
          catalog,
          new BatchMemberships(memberships, wanted, memberships.ofEach(wanted)),
          due,
          records,
          accounts,
          clock,
          joins);
    } catch (RuntimeException readFailed) {
      return this;
    }
  }

  /** The memberships evaluating these segments reads: theirs, and those their rules read. */
  private Set<String> read(Set<String> segmentIds) {
    Set<String> read = new HashSet<>(segmentIds);
    segmentIds.forEach(id -> read.addAll(catalog.dependenciesOf(id).segments()));
    return read;
  }

  /** The segments an event can change: all of them for a new or merged profile. */
  public Set<String> affected(ProcessOutcome outcome, InboundEvent event) {
    return affected(event, outcome.createdProfile() || outcome.joinedProfiles());
  }

  private Set<String> affected(InboundEvent event, boolean newOrJoined) {
    Set<String> affected = new LinkedHashSet<>();
    Optional<String> announced = InternalEvents.segmentOf(event);
    boolean everything = announced.isEmpty() && newOrJoined;
    Set<String> traits = new HashSet<>();
    event.traits().fieldNames().forEachRemaining(traits::add);
    boolean identities =
        event.type() == EventType.IDENTIFY
            || event.type() == EventType.ALIAS
            || event.body().has("identities");
    boolean internal = InternalEvents.isInternal(event);
    boolean consents = InternalEvents.CONSENT_CHANGED.equals(event.eventName());
    for (SegmentDefinition segment : catalog.all()) {
      RuleDependencies reads = catalog.dependenciesOf(segment.id());
      boolean hit;
      if (announced.isPresent()) {
        hit = !segment.id().equals(announced.get()) && reads.segments().contains(announced.get());
      } else {
        hit =
            everything
                || reads.events().contains(event.eventName())
                || (!internal && reads.events().contains(RuleDependencies.ANY_EVENT))
                || (!internal && readsAccounts(reads))
                || reads.traits().stream()
                    .anyMatch(
                        t -> traits.contains(t) || traits.contains(SegmentContext.topLevelTrait(t)))
                || (identities && reads.readsIdentities())
                || (consents && reads.readsConsents());
      }
      if (hit) {
        affected.add(segment.id());
      }
    }
    return affected;
  }

  private static boolean readsAccounts(RuleDependencies reads) {
    return reads.traits().stream().anyMatch(t -> t.startsWith(Account.RULE_PREFIX));
  }

  private void evaluate(
      Profile profile,
      Set<String> segmentIds,
      Map<String, SegmentMembership> current,
      Timeline events) {
    Instant now = clock.instant();
    SegmentContext context = context(profile, now, current, events);
    for (SegmentDefinition segment : catalog.all()) {
      if (!segmentIds.contains(segment.id())) {
        continue;
      }
      SegmentMembership before =
          current.getOrDefault(segment.id(), SegmentMembership.none(segment.id()));
      boolean in = segment.rule().test(context);
      if (in != before.member()) {
        memberships.change(
            profile.id(),
            before,
            before.changed(in, now),
            InternalEvents.segmentChange(profile, segment, in, now));
        if (in) {
          joins.joined(profile, segment.id(), now);
        }
      }
      if (catalog.dependenciesOf(segment.id()).isTimeDependent()) {
        segment
            .rule()
            .nextChange(context)
            .filter(at -> needsCheck(before.dueAt(), at, now))
            .ifPresent(at -> due.schedule(profile.id(), segment.id(), at));
      }
    }
  }

  /**
   * Whether a re-check has to be scheduled for {@code at}: none is pending, or the pending one is
   * later. A pending earlier one is kept: it re-evaluates and schedules the next (a check too early
   * changes nothing), so a person active every day does not move their re-check on every event.
   */
  static boolean needsCheck(Instant pending, Instant at, Instant now) {
    return pending == null || !pending.isAfter(now) || at.isBefore(pending);
  }

  /**
   * What rules see for a person now: their memberships, and their events when a rule reads them.
   */
  public SegmentContext context(Profile profile, Instant now, InboundEvent trigger) {
    return context(profile, now, memberships.of(profile.id()), events(profile.id(), trigger));
  }

  private SegmentContext context(
      Profile profile, Instant now, Map<String, SegmentMembership> current, Timeline events) {
    Set<String> memberOf =
        current.values().stream()
            .filter(SegmentMembership::member)
            .map(SegmentMembership::segmentId)
            .collect(Collectors.toSet());
    return new SegmentContext(
        profile, now, memberOf, events, () -> accounts.accountsOf(profile.id()));
  }

  /**
   * The person's events, newest first, read page by page as far as the rules look, with the
   * triggering one included even if the read missed it.
   */
  private Timeline events(String profileId, InboundEvent trigger) {
    return Timeline.reading(
        (limit, cursor) -> {
          Page<ObjectNode> page = records.timeline(profileId, limit, cursor);
          return new Page<>(
              page.items().stream()
                  .map(stored -> InboundEvent.fromStoredJson(Json.write(stored)))
                  .toList(),
              page.nextCursor());
        },
        trigger);
  }
}
