package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.store.Page;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the sparse date index current for every date-shaped trait: when an event sets a trait whose
 * value is a calendar date ({@code 2027-02-22}) or a timestamp (its date part), the person's
 * markers for it are written with that date; when it sets the trait to anything else (or null) they
 * are removed. A new or merged profile, or a change of the {@code timezone} trait, re-marks all of
 * the person's date traits. Every date trait is indexed, not only those journeys name, so a journey
 * published later finds everyone at once (no backfill; docs/segments.md#date-triggers).
 */
public final class DateTraitMarkers implements ProcessedEventListener {
  public static final String LEASE_END = "leaseEnd";
  private static final Pattern DATE_SHAPED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");
  private final DateMarkers markers;

  public DateTraitMarkers(DateMarkers markers) {
    this.markers = markers;
  }

  @Override
  public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
    Profile profile = outcome.profile();
    JsonNode traits = profile.traits().values();
    boolean all =
        outcome.createdProfile() || outcome.joinedProfiles() || event.traits().has("timezone");
    Set<String> names = new LinkedHashSet<>();
    event.traits().fieldNames().forEachRemaining(names::add);
    if (all) {
      traits.fieldNames().forEachRemaining(names::add);
    }
    String zone = zoneOf(profile);
    Set<String> marked = null; // read once, only when a trait that is no date may have a marker
    for (String trait : names) {
      if (!DateTrigger.validTrait(trait)) {
        continue;
      }
      LocalDate date = dateOf(traits.get(trait));
      if (date == null && outcome.createdProfile()) {
        continue; // a profile created by this event has no marker to remove
      }
      if (date == null) {
        marked = marked == null ? markers.markedTraits(outcome.profileId()) : marked;
        if (!marked.contains(trait)) {
          continue;
        }
      }
      markers.mark(outcome.profileId(), trait, date, zone, event.receivedAt());
    }
  }

  /** What a backfill pass did: profiles read, date traits marked, where the next pass starts. */
  public record Backfill(int profiles, int marked, String cursor) {}

  /**
   * Marks every date trait of the live profiles, {@code pages} pages of {@code pageSize} from
   * {@code cursor} (null: the start): for data written before every date trait was indexed (an
   * upgrade). Idempotent; the answer's cursor is null once every profile was read.
   */
  public Backfill backfill(
      ProfileDirectory directory, String cursor, int pages, int pageSize, Instant at) {
    int profiles = 0;
    int marked = 0;
    String next = cursor;
    for (int i = 0; i < pages; i++) {
      Page<Profile> page = directory.page(pageSize, next);
      for (Profile profile : page.items()) {
        profiles++;
        String zone = zoneOf(profile);
        for (Map.Entry<String, JsonNode> trait : profile.traits().values().properties()) {
          LocalDate date = dateOf(trait.getValue());
          if (date != null && DateTrigger.validTrait(trait.getKey())) {
            markers.mark(profile.id(), trait.getKey(), date, zone, at);
            marked++;
          }
        }
      }
      next = page.nextCursor();
      if (next == null) {
        break;
      }
    }
    return new Backfill(profiles, marked, next);
  }

  /** The person's time zone as the markers keep it: a valid {@code timezone} trait, else "". */
  static String zoneOf(Profile profile) {
    String zone = profile.traits().values().path("timezone").asText("");
    try {
      return zone.isEmpty() ? "" : ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      return "";
    }
  }

  /** The date a trait value names (a date, or a timestamp's date part), or null. */
  public static LocalDate dateOf(JsonNode value) {
    if (value == null || !value.isTextual() || !DATE_SHAPED.matcher(value.asText()).matches()) {
      return null;
    }
    return DateRule.date(TextNode.valueOf(value.asText().substring(0, 10))).orElse(null);
  }
}
