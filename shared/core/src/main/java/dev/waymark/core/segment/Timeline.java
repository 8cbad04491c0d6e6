package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.store.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A person's events, newest first, read page by page only as far as the rules look: a rule that
 * needs the latest event, or the events of the last hour, reads one small page, not the person's
 * whole history. At most {@link #CAP} events are ever read. The event being processed is included
 * at its place even when the read does not return it yet. Shared by the rules of one evaluation, so
 * what one rule read is not read again for the next.
 *
 * <p>Stored events come ordered by their key, which orders them by time except within one second
 * (an instant's text has 0, 3, 6 or 9 fraction digits), so rules that stop at a time bound go on
 * for {@link #ORDER_SLACK} past it.
 */
public final class Timeline {
  /** How many of a person's newest events rules see. */
  public static final int CAP = 1000;

  /** How far out of time order two stored neighbours can be. */
  public static final Duration ORDER_SLACK = Duration.ofSeconds(1);

  static final int FIRST_PAGE = 25;
  static final int PAGE = 250;

  private static final Comparator<InboundEvent> NEWEST_FIRST =
      Comparator.comparing(InboundEvent::timestamp)
          .thenComparing(InboundEvent::messageId)
          .reversed();

  /** Reads one page of stored events, newest first, from a cursor (null: the newest). */
  @FunctionalInterface
  public interface Pages {
    Page<InboundEvent> read(int limit, String cursor);
  }

  private final Pages pages;
  private final InboundEvent trigger;
  private final List<InboundEvent> read = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private String cursor;
  private boolean started;
  private boolean exhausted;
  private boolean triggerPlaced;

  private Timeline(Pages pages, InboundEvent trigger) {
    this.pages = pages;
    this.trigger = trigger;
    this.triggerPlaced = trigger == null;
  }

  /**
   * Read from {@code pages}, with {@code trigger} (may be null) placed by its time if no page
   * returns it.
   */
  public static Timeline reading(Pages pages, InboundEvent trigger) {
    return new Timeline(pages, trigger);
  }

  /** A timeline of events already in hand (any order; they are sorted newest first). */
  public static Timeline of(List<InboundEvent> events) {
    List<InboundEvent> sorted = new ArrayList<>(events);
    sorted.sort(NEWEST_FIRST);
    return new Timeline((limit, cursor) -> new Page<>(sorted, null), null);
  }

  /** The event being processed, if this timeline is read for one. */
  public Optional<InboundEvent> trigger() {
    return Optional.ofNullable(trigger);
  }

  /** The events newest first, read as the iteration goes. */
  public Iterable<InboundEvent> newestFirst() {
    return reading(event -> true);
  }

  /**
   * The events newest first whose time is at or after {@code from} (and a few just before it, see
   * {@link #ORDER_SLACK}: callers filter by time themselves); reads no further back.
   */
  public Iterable<InboundEvent> since(Instant from) {
    Instant stop = from.minus(ORDER_SLACK);
    return reading(event -> !event.timestamp().isBefore(stop));
  }

  /** The events newest first, up to the first one that {@code goOn} refuses. */
  private Iterable<InboundEvent> reading(Predicate<InboundEvent> goOn) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return available(next) && goOn.test(at(next));
          }

          @Override
          public InboundEvent next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return at(next++);
          }
        };
  }

  /**
   * The time of the newest event that {@code matches}, not after {@code notAfter} and, when {@code
   * notBefore} is given, not before it; reads no further back than it must.
   */
  public Optional<Instant> latest(
      Instant notAfter, Instant notBefore, Predicate<InboundEvent> matches) {
    Instant found = null;
    for (InboundEvent event : notBefore == null ? newestFirst() : since(notBefore)) {
      Instant t = event.timestamp();
      if (found != null && t.isBefore(found.minus(ORDER_SLACK))) {
        break; // nothing further back can be newer than what was found
      }
      if (!t.isAfter(notAfter)
          && (notBefore == null || !t.isBefore(notBefore))
          && (found == null || t.isAfter(found))
          && matches.test(event)) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every event (up to {@link #CAP}), newest first. */
  public synchronized List<InboundEvent> all() {
    while (available(read.size())) {
      // reads on
    }
    return List.copyOf(read);
  }

  private synchronized InboundEvent at(int index) {
    return read.get(index);
  }

  /** Whether there is an event at {@code index}, reading pages until there is or none is left. */
  private synchronized boolean available(int index) {
    while (read.size() <= index && read.size() < CAP) {
      if (exhausted) {
        placeTrigger();
        return read.size() > index;
      }
      readPage();
    }
    return read.size() > index;
  }

  private void readPage() {
    Page<InboundEvent> page = pages.read(started ? PAGE : FIRST_PAGE, cursor);
    started = true;
    for (InboundEvent stored : page.items()) {
      if (!triggerPlaced && NEWEST_FIRST.compare(trigger, stored) < 0) {
        placeTrigger();
      }
      add(stored);
    }
    cursor = page.nextCursor();
    exhausted = cursor == null;
  }

  private void placeTrigger() {
    if (!triggerPlaced) {
      triggerPlaced = true;
      add(trigger);
    }
  }

  private void add(InboundEvent event) {
    if (read.size() < CAP && seen.add(event.messageId())) {
      read.add(event);
    }
  }
}
