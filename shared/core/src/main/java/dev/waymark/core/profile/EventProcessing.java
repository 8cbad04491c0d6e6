package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Processing an accepted event: it goes on its person's profile ({@link ProfileService#process}),
 * then each listener runs, in the order given (the composition root states it). A batch is
 * processed concurrently — safe because stitching is transactional and traits apply by event time,
 * not by arrival order — and each event's result is reported in the batch's order.
 */
public final class EventProcessing {
  private final ProfileService profiles;
  private final List<ProcessedEventListener> listeners;
  private final ExecutorService workers;

  public EventProcessing(
      ProfileService profiles, List<ProcessedEventListener> listeners, int concurrency) {
    this.profiles = profiles;
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

  public ProcessOutcome process(InboundEvent event) {
    ProcessOutcome outcome = profiles.process(event);
    for (ProcessedEventListener listener : listeners) {
      listener.onProcessed(outcome, event);
    }
    return outcome;
  }

  /**
   * Reads each record's event and processes it, concurrently; one result per record, in order (a
   * record whose event cannot be read is a failed one). If the calling thread is interrupted, the
   * records not yet reported are reported failed.
   */
  public <T> List<Result> processAll(List<T> records, Function<T, InboundEvent> eventOf) {
    List<Future<ProcessOutcome>> running = new ArrayList<>(records.size());
    for (T record : records) {
      running.add(workers.submit(() -> process(eventOf.apply(record))));
    }
    List<Result> results = new ArrayList<>(records.size());
    for (Future<ProcessOutcome> future : running) {
      try {
        results.add(new Result.Processed(future.get()));
      } catch (ExecutionException e) {
        results.add(new Result.Failed(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        while (results.size() < records.size()) {
          results.add(new Result.Failed(e));
        }
        break;
      }
    }
    return results;
  }
}
