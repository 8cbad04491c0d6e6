package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.account.Account;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.store.Page;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a rule is evaluated against: the person, "now", the person's time zone, the segments they
 * are in, and (read only when a rule needs them) their recent events, newest first, and the
 * accounts they are linked to.
 */
public final class SegmentContext {
  /** Profile traits that may hold the person's IANA time zone, in order of preference. */
  public static final List<String> TIME_ZONE_TRAITS = List.of("timeZone", "timezone");

  private final Profile profile;
  private final Instant now;
  private final ZoneId zone;
  private final Set<String> memberships;
  private final Timeline timeline;
  private final Supplier<List<Account>> accountSource;
  private List<Account> accounts;

  /** A context for a person linked to no account. */
  public SegmentContext(
      Profile profile, Instant now, Set<String> memberships, Supplier<List<InboundEvent>> events) {
    this(profile, now, memberships, events, List::of);
  }

  public SegmentContext(
      Profile profile,
      Instant now,
      Set<String> memberships,
      Supplier<List<InboundEvent>> events,
      Supplier<List<Account>> accounts) {
    this(
        profile,
        now,
        memberships,
        Timeline.reading((limit, cursor) -> new Page<>(events.get(), null), null),
        accounts);
  }

  /** A context whose events are read from {@code timeline} as far as the rules look. */
  public SegmentContext(
      Profile profile,
      Instant now,
      Set<String> memberships,
      Timeline timeline,
      Supplier<List<Account>> accounts) {
    this.accountSource = accounts;
    this.profile = profile;
    this.now = now;
    this.zone = zoneOf(profile);
    this.memberships = Set.copyOf(memberships);
    this.timeline = timeline;
  }

  public Profile profile() {
    return profile;
  }

  public Instant now() {
    return now;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return now.atZone(zone).toLocalDate();
  }

  /** The first instant of a day in the person's time zone. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public boolean inSegment(String segmentId) {
    return memberships.contains(segmentId);
  }

  /**
   * A trait by name; a dotted name reads into an object trait when no trait has the whole name. An
   * {@code account.<trait>} name reads the person's linked accounts instead (the first that has
   * it); see {@link #traitValues} for all of them.
   */
  public JsonNode trait(String name) {
    if (name.startsWith(Account.RULE_PREFIX)) {
      return traitValues(name).stream().filter(v -> v != null).findFirst().orElse(null);
    }
    JsonNode whole = profile.traits().values().get(name);
    int dot = name.indexOf('.');
    if (whole != null || dot < 0) {
      return whole;
    }
    JsonNode parent = profile.traits().values().get(name.substring(0, dot));
    return parent == null || !parent.isObject() ? null : parent.get(name.substring(dot + 1));
  }

  /**
   * Every value a rule on this trait may match: for {@code account.<trait>}, that trait of each
   * linked account ({@code account.id} is the account's id), or a single absent value when the
   * person has no account; for any other name, the one value {@link #trait} reads.
   */
  public List<JsonNode> traitValues(String name) {
    if (!name.startsWith(Account.RULE_PREFIX)) {
      return Collections.singletonList(trait(name));
    }
    String field = name.substring(Account.RULE_PREFIX.length());
    List<JsonNode> values = new ArrayList<>();
    for (Account account : accounts()) {
      values.add(account.view().get(field));
    }
    return values.isEmpty() ? Collections.singletonList(null) : values;
  }

  /** The accounts the person is linked to, read once on first use. */
  public synchronized List<Account> accounts() {
    if (accounts == null) {
      accounts = List.copyOf(accountSource.get());
    }
    return accounts;
  }

  /** The top-level trait a (possibly dotted) trait name reads. */
  public static String topLevelTrait(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** The person's events (up to {@link Timeline#CAP}), newest first, read once on first use. */
  public List<InboundEvent> events() {
    return timeline.all();
  }

  /** The person's events, newest first, read only as far as a rule iterates. */
  public Timeline timeline() {
    return timeline;
  }

  /** The person's time zone from their traits; UTC when none or not a valid zone. */
  public static ZoneId zoneOf(Profile profile) {
    for (String trait : TIME_ZONE_TRAITS) {
      JsonNode value = profile.traits().values().get(trait);
      if (value != null && value.isTextual()) {
        try {
          return ZoneId.of(value.asText());
        } catch (DateTimeException invalid) {
          // try the next trait
        }
      }
    }
    return ZoneOffset.UTC;
  }
}
