package dev.waymark.core.segment;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.profile.PersonZone;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The date triggers' hourly run. For each trigger the published journeys name (trait, offset,
 * yearly) and each local day a time zone can be in at the run's instant (the UTC day and the days
 * either side), it asks the date index who has the date that day stands for (one query per trait
 * and day, never a scan), re-reads the people found (together, in one batch read; a marker of a
 * date since moved or removed is skipped), and emits {@code Date Trait Reached} for those whose own
 * local day it is. So a person enters at the first run of their local day; a trait set during that
 * day still enters them at the next run. The messageId is deterministic, so a rerun or a retry
 * emits nothing new.
 */
public final class DateTriggers {
  /** How often the function runs (template.yaml's schedule): the hint assumes it. */
  public static final Duration PERIOD = Duration.ofHours(1);

  private static final int PAGE = 50;
  private final DateMarkers markers;
  private final ProfileService profiles;
  private final EventInbox inbox;
  private final Supplier<List<DateTrigger>> triggers;
  private final ZoneId defaultZone;

  /** What one run did: triggers evaluated, people found due, emitted, repeats, stale markers. */
  public record Result(
      Instant at, int triggers, int found, int emitted, int alreadyEmitted, int stale) {}

  public DateTriggers(
      DateMarkers markers,
      ProfileService profiles,
      EventInbox inbox,
      Supplier<List<DateTrigger>> triggers,
      ZoneId defaultZone) {
    this.markers = markers;
    this.profiles = profiles;
    this.inbox = inbox;
    this.triggers = triggers;
    this.defaultZone = defaultZone;
  }

  /** Runs for the instant {@code at} (the schedule's occurrence). */
  public Result run(Instant at) {
    List<DateTrigger> all = triggers.get();
    LocalDate utcDay = at.atZone(ZoneOffset.UTC).toLocalDate();
    int[] counts = new int[4]; // found, emitted, repeats, stale
    for (DateTrigger trigger : all) {
      for (LocalDate day = utcDay.minusDays(1); !day.isAfter(utcDay.plusDays(1)); ) {
        List<String> found = candidates(trigger, day);
        Map<String, Profile> people = profiles.resolveAll(found);
        for (String profileId : found) {
          emit(trigger, day, Optional.ofNullable(people.get(profileId)), at, counts);
        }
        day = day.plusDays(1);
      }
    }
    return new Result(at, all.size(), counts[0], counts[1], counts[2], counts[3]);
  }

  /** Who has the date (or anniversary) that local day {@code day} stands for. */
  private List<String> candidates(DateTrigger trigger, LocalDate day) {
    LocalDate date = day.minusDays(trigger.offsetDays());
    if (!trigger.yearly()) {
      return markers.profilesOn(trigger.trait(), date);
    }
    List<String> ids = new ArrayList<>();
    for (MonthDay anniversary : DateTrigger.anniversariesOn(date)) {
      ids.addAll(markers.profilesOnAnniversary(trigger.trait(), anniversary));
    }
    return ids;
  }

  private void emit(
      DateTrigger trigger, LocalDate day, Optional<Profile> found, Instant at, int[] counts) {
    Optional<LocalDate> date =
        found
            .map(p -> DateTraitMarkers.dateOf(p.traits().values().get(trigger.trait())))
            .flatMap(value -> trigger.dueDate(value, day));
    if (found.isEmpty() || date.isEmpty() || found.get().identities().isEmpty()) {
      counts[3]++; // moved, removed, erased: the marker is stale
      return;
    }
    Profile profile = found.get();
    if (!at.atZone(PersonZone.of(profile, defaultZone)).toLocalDate().equals(day)) {
      return; // not (or no longer) this day where the person lives
    }
    counts[0]++;
    if (inbox.accept(
        InternalEvents.dateTraitReached(profile, trigger, date.get(), day, at), "date-trigger")) {
      counts[1]++;
    } else {
      counts[2]++;
    }
  }

  /**
   * The local scheduler's hint: the earliest instant at or after which a run may have work, given
   * that the run one {@link #PERIOD} before {@code from} was done (or had nothing to do). A marked
   * day has work at the start of its trigger day in each zone marked on it, and — for a mark made
   * during that day — at the mark. Empty when nothing is marked ahead.
   */
  public Optional<Instant> nextRun(Instant from) {
    Instant after = from.minus(PERIOD);
    return triggers.get().stream()
        .flatMap(t -> next(t, from, after).stream())
        .min(Comparator.naturalOrder());
  }

  private Optional<Instant> next(DateTrigger trigger, Instant from, Instant after) {
    if (trigger.yearly()) {
      int year = from.atZone(ZoneOffset.UTC).getYear();
      Optional<Instant> best = Optional.empty();
      for (DateMarkers.MarkedDay<MonthDay> marked : markers.markedAnniversaries(trigger.trait())) {
        for (int y = year - 2; y <= year + 2; y++) {
          LocalDate day = DateTrigger.anniversary(marked.day(), y).plusDays(trigger.offsetDays());
          best = earliest(best, work(day, marked, after));
        }
      }
      return best;
    }
    LocalDate start =
        from.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).minusDays(trigger.offsetDays());
    while (true) {
      List<DateMarkers.MarkedDay<LocalDate>> page =
          markers.markedDates(trigger.trait(), start, PAGE);
      for (DateMarkers.MarkedDay<LocalDate> marked : page) {
        Optional<Instant> work = work(marked.day().plusDays(trigger.offsetDays()), marked, after);
        if (work.isPresent()) {
          return work;
        }
      }
      if (page.size() < PAGE) {
        return Optional.empty();
      }
      start = page.get(page.size() - 1).day().plusDays(1);
    }
  }

  /** When local day {@code day} of a marked day has work after {@code after}, if it has. */
  private Optional<Instant> work(LocalDate day, DateMarkers.MarkedDay<?> marked, Instant after) {
    Optional<Instant> best = Optional.empty();
    for (String zoneId : marked.zones()) {
      ZoneId zone = zone(zoneId);
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      if (start.isAfter(after)) {
        best = earliest(best, Optional.of(start));
      } else if (marked.lastMarked().isAfter(after) && marked.lastMarked().isBefore(end)) {
        best = earliest(best, Optional.of(marked.lastMarked()));
      }
    }
    return best;
  }

  private ZoneId zone(String id) {
    try {
      return id.isEmpty() ? defaultZone : ZoneId.of(id);
    } catch (DateTimeException e) {
      return defaultZone;
    }
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
  }
}
