package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyState;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A date trigger: people enter {@code offsetDays} days after (negative: before) the date a trait
 * names — {@code leaseEnd} −P90D, {@code warrantyEnd} −P30D — or, when {@code yearly}, its
 * anniversary each year ({@code birthday} P0D). The journey language's entry form {@code dateTrait:
 * {trait, offset, yearly}} is this trigger; it enters on the internal event {@code Date Trait
 * Reached} whose properties name the trait, the offset and whether it is yearly.
 */
public record DateTrigger(String trait, int offsetDays, boolean yearly) {
  /** Offsets are whole days or weeks, at most ten years either way (a year for yearly ones). */
  public static final int MAX_DAYS = 3660;

  public static final int MAX_YEARLY_DAYS = 366;
  private static final Pattern OFFSET = Pattern.compile("([-+]?)P(\\d{1,5})([DW])");
  private static final Pattern TRAIT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  public DateTrigger {
    Objects.requireNonNull(trait);
  }

  /** True for a trait name a trigger may use (letters, digits and underscores). */
  public static boolean validTrait(String trait) {
    return TRAIT.matcher(trait).matches();
  }

  /**
   * The days of an ISO offset ({@code -P90D}, {@code P30D}, {@code -P2W}, {@code P0D}), or empty
   * when it is not one of those forms.
   */
  public static Optional<Integer> parseOffset(String text) {
    Matcher m = OFFSET.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long days = Long.parseLong(m.group(2)) * (m.group(3).equals("W") ? 7 : 1);
    return Optional.of((int) (m.group(1).equals("-") ? -days : days));
  }

  /** The offset as the event names it: {@code -P90D}, {@code P30D}, {@code P0D}. */
  public String offset() {
    return (offsetDays < 0 ? "-" : "") + "P" + Math.abs(offsetDays) + "D";
  }

  /** The entry matcher: {@code Date Trait Reached} for this trait, offset and kind. */
  public EventMatcher matcher() {
    return new EventMatcher(
        InternalEvents.DATE_TRAIT_REACHED,
        List.of(
            filter("properties.trait", TextNode.valueOf(trait)),
            filter("properties.offset", TextNode.valueOf(offset())),
            filter("properties.yearly", BooleanNode.valueOf(yearly))));
  }

  private static FieldFilter filter(String field, JsonNode value) {
    return new FieldFilter(field, FilterOp.EQUALS, value);
  }

  /** The trigger an entry matcher stands for, if it is a date-trait entry. */
  public static Optional<DateTrigger> of(EventMatcher entry) {
    if (!InternalEvents.DATE_TRAIT_REACHED.equals(entry.event())) {
      return Optional.empty();
    }
    Map<String, JsonNode> values =
        entry.filters().stream()
            .filter(f -> f.op() == FilterOp.EQUALS && f.field().startsWith("properties."))
            .collect(
                Collectors.toMap(
                    f -> f.field().substring("properties.".length()),
                    FieldFilter::value,
                    (a, b) -> a));
    JsonNode trait = values.get("trait");
    Optional<Integer> offset =
        Optional.ofNullable(values.get("offset")).flatMap(o -> parseOffset(o.asText()));
    if (trait == null || offset.isEmpty()) {
      return Optional.empty();
    }
    JsonNode yearly = values.get("yearly");
    return Optional.of(
        new DateTrigger(trait.asText(), offset.get(), yearly != null && yearly.asBoolean()));
  }

  /** The distinct triggers of the live journeys of a catalog. */
  public static List<DateTrigger> published(JourneyCatalog catalog) {
    return catalog.journeys().stream()
        .filter(j -> catalog.state(j.id()) == JourneyState.live)
        .flatMap(j -> of(j.entry()).stream())
        .distinct()
        .toList();
  }

  /**
   * The date (for a yearly trigger: the anniversary) on which a person whose trait is {@code value}
   * enters on local day {@code day}, if they do: {@code day} minus the offset, when that is the
   * trait's date or (yearly) an anniversary of it on or after it. A 29 February is kept on 28
   * February in years without one.
   */
  public Optional<LocalDate> dueDate(LocalDate value, LocalDate day) {
    LocalDate date = day.minusDays(offsetDays);
    if (!yearly) {
      return date.equals(value) ? Optional.of(date) : Optional.empty();
    }
    return !date.isBefore(value) && anniversary(value, date.getYear()).equals(date)
        ? Optional.of(date)
        : Optional.empty();
  }

  /** The anniversary of {@code date} in {@code year} (29 February falls on 28 February). */
  public static LocalDate anniversary(LocalDate date, int year) {
    return date.withYear(year);
  }

  /** The anniversary of a month-day in a year (29 February falls on 28 February). */
  public static LocalDate anniversary(MonthDay day, int year) {
    return day.isValidYear(year) ? day.atYear(year) : LocalDate.of(year, 2, 28);
  }

  /**
   * The month-days whose anniversaries fall on {@code date}: its own, and 29 February on a 28th.
   */
  public static List<MonthDay> anniversariesOn(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    return day.equals(MonthDay.of(2, 28)) && !date.isLeapYear()
        ? List.of(day, MonthDay.of(2, 29))
        : List.of(day);
  }
}
