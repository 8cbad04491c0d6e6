package dev.waymark.functions.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.dynamo.InboxStream;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.EventProcessing;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driven by the table's stream (inserts of inbox items only, by the event source mapping's filter):
 * hands the batch's events to {@link EventProcessing} (profile, then the listeners the composition
 * root built, concurrently) and maps the results. If any record fails, the batch reports the
 * earliest failed record, so Lambda retries from there (and, after the configured attempts, sends
 * the batch to the dead-letter queue). Processing is idempotent, so the records after it that
 * already succeeded are not applied twice when retried.
 */
public final class ProcessHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHandler.class);

  private final EventProcessing processing;
  private final Telemetry telemetry;

  public ProcessHandler() {
    this(Composition.processFunction(), Telemetry.powertools());
  }

  public ProcessHandler(EventProcessing processing, Telemetry telemetry) {
    this.processing = processing;
    this.telemetry = telemetry;
    // side-effect free: resolving an identity nobody has is two reads
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

  private StreamsEventResponse processAll(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<DynamodbEvent.DynamodbStreamRecord> inbox =
        records.stream().filter(InboxStream::isInboxInsert).toList();
    List<EventProcessing.Result> results = processing.processAll(inbox, InboxStream::eventOf);
    String firstFailed = null;
    for (int i = 0; i < results.size(); i++) {
      String sequence = inbox.get(i).getDynamodb().getSequenceNumber();
      switch (results.get(i)) {
        case EventProcessing.Result.Processed p -> {
          telemetry.count(p.outcome().recorded() ? "EventsProcessed" : "EventsAlreadyProcessed", 1);
          telemetry.count("ProfileMerges", p.outcome().merges());
        }
        case EventProcessing.Result.Failed f -> {
          telemetry.count("EventsFailed", 1);
          LOG.error("event at sequence {} failed", sequence, f.cause());
          firstFailed = firstFailed == null ? sequence : firstFailed;
        }
      }
    }
    return new StreamsEventResponse(
        firstFailed == null
            ? List.of()
            : List.of(new StreamsEventResponse.BatchItemFailure(firstFailed)));
  }
}
