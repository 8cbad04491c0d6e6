package dev.waymark.functions.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.deadletter.FailureReasons;
import dev.waymark.aws.dynamo.InboxStream;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.deadletter.DeadLetters;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.EventProcessing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driven by the table's stream (inserts of inbox items and of dead-letter replay requests only, by
 * the event source mapping's filter): hands the batch's events to {@link EventProcessing} (profile,
 * then the listeners the composition root built, concurrently) and maps the results. If any record
 * fails, its failure is noted (plain reason, see {@link FailureReasons}) and the batch reports the
 * earliest failed record, so Lambda retries from there (and, after the configured attempts, sends
 * the batch to the dead-letter queue). Processing is idempotent, so the records after it that
 * already succeeded are not applied twice when retried. A replay request processes the stored event
 * of its messageId and marks the dead letter processed.
 */
public final class ProcessHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHandler.class);

  private final EventProcessing processing;
  private final DeadLetters deadLetters;
  private final Telemetry telemetry;

  public ProcessHandler() {
    this(Composition.processFunction(), Telemetry.powertools());
  }

  private ProcessHandler(Composition.ProcessGraph graph, Telemetry telemetry) {
    this(graph.processing(), graph.deadLetters(), telemetry);
  }

  public ProcessHandler(EventProcessing processing, DeadLetters deadLetters, Telemetry telemetry) {
    this.processing = processing;
    this.deadLetters = deadLetters;
    this.telemetry = telemetry;
    // side-effect free: resolving an identity nobody has is one read
    SnapStartPriming.register(
        () ->
            processing
                .profiles()
                .lookup(Identity.of(IdentityNamespace.USER_ID, "snapstart-priming")));
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return telemetry.invocation(context, () -> processAll(event.getRecords()));
  }

  /** A replay request whose event is no longer stored: nothing to process. */
  private static final class EventGone extends RuntimeException {
    EventGone() {
      super(null, null, false, false);
    }
  }

  private StreamsEventResponse processAll(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<DynamodbEvent.DynamodbStreamRecord> inbox =
        records.stream().filter(InboxStream::isInboxInsert).toList();
    Map<String, InboundEvent> replayed = new ConcurrentHashMap<>();
    List<EventProcessing.Result> results =
        processing.processAll(inbox, record -> eventOf(record, replayed));
    String firstFailed = null;
    for (int i = 0; i < results.size(); i++) {
      DynamodbEvent.DynamodbStreamRecord record = inbox.get(i);
      if (!settled(record, results.get(i), replayed)) {
        firstFailed = firstFailed == null ? record.getDynamodb().getSequenceNumber() : firstFailed;
      }
    }
    return new StreamsEventResponse(
        firstFailed == null
            ? List.of()
            : List.of(new StreamsEventResponse.BatchItemFailure(firstFailed)));
  }

  private InboundEvent eventOf(
      DynamodbEvent.DynamodbStreamRecord record, Map<String, InboundEvent> replayed) {
    if (!InboxStream.isReplay(record)) {
      return InboxStream.eventOf(record);
    }
    InboundEvent event =
        deadLetters.event(InboxStream.messageIdOf(record)).orElseThrow(EventGone::new);
    replayed.put(event.messageId(), event);
    return event;
  }

  /** Maps one record's result; false if the record has to be retried. */
  private boolean settled(
      DynamodbEvent.DynamodbStreamRecord record,
      EventProcessing.Result result,
      Map<String, InboundEvent> replayed) {
    String messageId = InboxStream.messageIdOf(record);
    try {
      switch (result) {
        case EventProcessing.Result.Processed p -> {
          telemetry.count(p.outcome().recorded() ? "EventsProcessed" : "EventsAlreadyProcessed", 1);
          telemetry.count("ProfileMerges", p.outcome().merges());
          InboundEvent event = replayed.get(messageId);
          if (event != null) {
            deadLetters.replayProcessed(event, p.outcome().profileId());
            telemetry.count("DeadLettersReplayed", 1);
          }
          return true;
        }
        case EventProcessing.Result.Failed f when f.cause() instanceof EventGone -> {
          deadLetters.replayGone(messageId);
          return true;
        }
        case EventProcessing.Result.Failed f -> {
          telemetry.count("EventsFailed", 1);
          String reason = FailureReasons.of(f.cause());
          LOG.error(
              "event at sequence {} failed: {}", record.getDynamodb().getSequenceNumber(), reason);
          deadLetters.attemptFailed(messageId, reason);
          return false;
        }
      }
    } catch (RuntimeException noting) {
      LOG.error(
          "event at sequence {}: its outcome could not be noted: {}",
          record.getDynamodb().getSequenceNumber(),
          FailureReasons.of(noting));
      return false;
    }
  }
}
