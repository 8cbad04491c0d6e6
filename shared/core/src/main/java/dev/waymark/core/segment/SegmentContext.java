package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.Profile;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a rule is evaluated against: the person, "now", the person's time zone, the segments they
 * are in, and (read only when a rule needs them) their recent events, newest first.
 */
public final class SegmentContext {
  /** Profile traits that may hold the person's IANA time zone, in order of preference. */
  public static final List<String> TIME_ZONE_TRAITS = List.of("timeZone", "timezone");

  private final Profile profile;
  private final Instant now;
  private final ZoneId zone;
  private final Set<String> memberships;
  private final Supplier<List<InboundEvent>> eventSource;
  private List<InboundEvent> events;

  public SegmentContext(
      Profile profile, Instant now, Set<String> memberships, Supplier<List<InboundEvent>> events) {
    this.profile = profile;
    this.now = now;
    this.zone = zoneOf(profile);
    this.memberships = Set.copyOf(memberships);
    this.eventSource = events;
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
   * A trait by name; a dotted name reads into an object trait when no trait has the whole name:
   * {@code account.plan} is the {@code plan} of the {@code account} a group call set.
   */
  public JsonNode trait(String name) {
    JsonNode whole = profile.traits().values().get(name);
    int dot = name.indexOf('.');
    if (whole != null || dot < 0) {
      return whole;
    }
    JsonNode parent = profile.traits().values().get(name.substring(0, dot));
    return parent == null || !parent.isObject() ? null : parent.get(name.substring(dot + 1));
  }

  /** The top-level trait a (possibly dotted) trait name reads. */
  public static String topLevelTrait(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** The person's events, newest first, read once on first use. */
  public synchronized List<InboundEvent> events() {
    if (events == null) {
      events = eventSource.get();
    }
    return events;
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
