package dev.waymark.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.EventType;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.SegmentCalls;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accepts a batch: validates all of it first, then stores each event once (by messageId). */
public final class IngestService {
  private final EventBatchValidator validator;
  private final EventInbox inbox;
  private final Clock clock;
  private final ArrivalTimes arrival;

  public IngestService(EventBatchValidator validator, EventInbox inbox, Clock clock) {
    this(validator, inbox, clock, ArrivalTimes.AS_SENT);
  }

  private IngestService(
      EventBatchValidator validator, EventInbox inbox, Clock clock, ArrivalTimes arrival) {
    this.validator = validator;
    this.inbox = inbox;
    this.clock = clock;
    this.arrival = arrival;
  }

  /** The same service with another rule for event times (the local runtime's). */
  public IngestService withArrivalTimes(ArrivalTimes times) {
    return new IngestService(validator, inbox, clock, times);
  }

  /**
   * A batch ({@code /v1/events}, {@code /v1/batch}). Throws {@link ProblemException} when any event
   * is invalid; stores nothing then.
   */
  public List<IngestResult> ingest(String body, String source) {
    return ingest(body, source, Optional.empty());
  }

  /**
   * A batch, or with {@code call} one call of that type ({@code /v1/track}, ...), whose problems
   * name fields of the call as sent ({@code /userId}, not {@code /batch/0/userId}).
   */
  public List<IngestResult> ingest(String body, String source, Optional<EventType> call) {
    Instant receivedAt = clock.instant();
    JsonNode root = validator.read(body);
    List<InboundEvent> events;
    try {
      events =
          validator.validate(
              call.isPresent()
                  ? SegmentCalls.single(root, call.get(), receivedAt)
                  : SegmentCalls.batch(root, receivedAt),
              receivedAt,
              arrival.latestNow(receivedAt));
    } catch (ProblemException e) {
      throw call.isPresent() ? asSingle(e) : e;
    }
    events.forEach(event -> arrival.settle(event.body(), receivedAt));
    List<Boolean> accepted = inbox.acceptAll(events, source);
    List<IngestResult> results = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      results.add(
          new IngestResult(events.get(i).messageId(), accepted.get(i) ? "accepted" : "duplicate"));
    }
    return results;
  }

  private static ProblemException asSingle(ProblemException e) {
    Problem p = e.problem();
    List<FieldError> errors =
        p.errors().stream()
            .map(f -> new FieldError(SegmentCalls.singleField(f.field()), f.message()))
            .toList();
    return new ProblemException(new Problem(p.type(), p.title(), p.status(), p.detail(), errors));
  }
}
