package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Processing an accepted event: it goes on its person's profile ({@link ProfileService#process}),
 * then each listener runs, in the order given (the composition root states it). A batch's people
 * are processed concurrently — safe because stitching is transactional and traits apply by event
 * time, not by arrival order — each person's events in the batch's order, and each event's result
 * is reported in the batch's order.
 */
public final class EventProcessing {
  private final ProfileService profiles;
  private final List<ProcessedEventListener> listeners;
  private final UnaryOperator<InboundEvent> arriving;
  private final ExecutorService workers;
  private final PhaseTimes times = new PhaseTimes();
  private final LongAdder recorded = new LongAdder();

  public EventProcessing(
      ProfileService profiles, List<ProcessedEventListener> listeners, int concurrency) {
    this(profiles, listeners, concurrency, UnaryOperator.identity());
  }

  /**
   * @param arriving what each event becomes before it is processed (the identity a click handed the
   *     site, see {@code core.click.ClickIdentities}); applied before the batch's identities are
   *     read
   */
  public EventProcessing(
      ProfileService profiles,
      List<ProcessedEventListener> listeners,
      int concurrency,
      UnaryOperator<InboundEvent> arriving) {
    this.profiles = profiles;
    this.arriving = arriving;
    this.listeners = List.copyOf(listeners);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency, Thread.ofPlatform().daemon().name("process-", 0).factory());
  }

  /** What became of one event of a batch. */
  public sealed interface Result {
    record Processed(ProcessOutcome outcome) implements Result {}

    record Failed(Throwable cause) implements Result {}
  }

  /** The listeners, in the order they run. */
  public List<ProcessedEventListener> listeners() {
    return listeners;
  }

  public ProfileService profiles() {
    return profiles;
  }

  /** The time spent in each phase so far (profile, then each listener by its class name). */
  public PhaseTimes times() {
    return times;
  }

  /**
   * Events recorded on a profile so far (each once: a redelivered one found already recorded is not
   * counted again).
   */
  public long recordedEvents() {
    return recorded.sum();
  }

  public ProcessOutcome process(InboundEvent event) {
    return process(profiles, listeners, arriving.apply(event));
  }

  private ProcessOutcome process(
      ProfileService on, List<ProcessedEventListener> listeners, InboundEvent event) {
    long start = System.nanoTime();
    ProcessOutcome outcome = on.process(event);
    times.add(PhaseTimes.PROFILE, start);
    if (outcome.recorded()) {
      recorded.increment();
    }
    for (ProcessedEventListener listener : listeners) {
      start = System.nanoTime();
      listener.onProcessed(outcome, event);
      times.add(listener.getClass().getSimpleName(), start);
    }
    return outcome;
  }

  /**
   * Reads each record's event and processes the batch: the identities it names and their profiles
   * are read up front in batched reads ({@link BatchProfileStore}), the events are grouped by the
   * people they touch ({@link PersonGroups}), each group's events are processed one after another
   * in the batch's order, and the groups run concurrently. One result per record, in order (a
   * record whose event cannot be read is a failed one). If the calling thread is interrupted, the
   * records not yet reported are reported failed.
   */
  public <T> List<Result> processAll(List<T> records, Function<T, InboundEvent> eventOf) {
    Result[] results = new Result[records.size()];
    List<InboundEvent> events = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        events.add(arriving.apply(eventOf.apply(records.get(i))));
      } catch (RuntimeException unreadable) {
        events.add(null);
        results[i] = new Result.Failed(unreadable);
      }
    }
    BatchProfileStore batchStore = new BatchProfileStore(profiles.store());
    Set<Identity> identities = new HashSet<>();
    events.stream()
        .filter(Objects::nonNull)
        .map(PersonGroups::identitiesOf)
        .forEach(identities::addAll);
    try {
      batchStore.prefetch(identities);
    } catch (RuntimeException readFailed) {
      // each event reads what it needs as it goes, and fails on its own if it cannot
    }
    ProfileService batch = profiles.over(batchStore);
    List<ProcessedEventListener> batchListeners = readAhead(events, batchStore);
    List<Future<?>> running = new ArrayList<>();
    for (List<Integer> group : PersonGroups.of(events, batchStore::knownOwner)) {
      running.add(
          workers.submit(
              () -> {
                for (int i : group) {
                  results[i] = processed(batch, batchListeners, events.get(i));
                }
              }));
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a batch's worker failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.forEach(f -> f.cancel(true));
        for (int i = 0; i < results.length; i++) {
          results[i] = results[i] == null ? new Result.Failed(e) : results[i];
        }
        break;
      }
    }
    return List.of(results);
  }

  /**
   * Each listener's view of the batch ({@link ProcessedEventListener#forBatch}), the listeners'
   * read-aheads made at the same time on the workers (they are independent of one another), so a
   * batch waits for the slowest of them, not for their sum. A listener whose read-ahead did not
   * finish (the calling thread was interrupted) reads as it goes.
   */
  private List<ProcessedEventListener> readAhead(
      List<InboundEvent> events, BatchProfileStore batchStore) {
    List<Future<ProcessedEventListener>> reading = new ArrayList<>();
    for (ProcessedEventListener listener : listeners) {
      reading.add(workers.submit(() -> forBatch(listener, events, batchStore)));
    }
    List<ProcessedEventListener> batchListeners = new ArrayList<>(listeners.size());
    for (int i = 0; i < listeners.size(); i++) {
      ProcessedEventListener read = listeners.get(i);
      try {
        read = reading.get(i).get();
      } catch (ExecutionException e) {
        // forBatch catches what a read throws, so only an Error gets here: it ends the batch, as
        // it did when the read-aheads ran on the calling thread
        throw new IllegalStateException("a listener's read-ahead failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the batch's workers below see it and fail the rest
        reading.forEach(f -> f.cancel(true));
      }
      batchListeners.add(read);
    }
    return List.copyOf(batchListeners);
  }

  private static ProcessedEventListener forBatch(
      ProcessedEventListener listener, List<InboundEvent> events, BatchProfileStore batchStore) {
    try {
      return listener.forBatch(events, e -> owner(batchStore, e));
    } catch (RuntimeException readAheadFailed) {
      return listener; // it reads as it goes
    }
  }

  /** The one profile an event's identities are already known to point at, if there is one. */
  private static Optional<String> owner(BatchProfileStore batchStore, InboundEvent event) {
    Set<String> owners = new HashSet<>();
    for (Identity identity : PersonGroups.identitiesOf(event)) {
      Optional<String> owner = batchStore.knownOwner(identity);
      if (owner.isEmpty()) {
        return Optional.empty();
      }
      owners.add(owner.get());
    }
    return owners.size() == 1 ? Optional.of(owners.iterator().next()) : Optional.empty();
  }

  private Result processed(
      ProfileService batch, List<ProcessedEventListener> listeners, InboundEvent event) {
    try {
      return new Result.Processed(process(batch, listeners, event));
    } catch (RuntimeException | Error failed) {
      return new Result.Failed(failed);
    }
  }
}
