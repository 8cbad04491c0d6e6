package dev.waymark.core.ingest;

import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Accepts a batch: validates all of it first, then stores each event once (by messageId). */
public final class IngestService {
  private final EventBatchValidator validator;
  private final EventInbox inbox;
  private final Clock clock;

  public IngestService(EventBatchValidator validator, EventInbox inbox, Clock clock) {
    this.validator = validator;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Throws {@link dev.waymark.core.problem.ProblemException} when any event is invalid; stores
   * nothing then.
   */
  public List<IngestResult> ingest(String body, String source) {
    List<InboundEvent> events = validator.validate(body, clock.instant());
    List<IngestResult> results = new ArrayList<>(events.size());
    for (InboundEvent event : events) {
      boolean accepted = inbox.accept(event, source);
      results.add(new IngestResult(event.messageId(), accepted ? "accepted" : "duplicate"));
    }
    return results;
  }
}
