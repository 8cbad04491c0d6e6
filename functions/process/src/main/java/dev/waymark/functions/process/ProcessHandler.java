package dev.waymark.functions.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.ports.ProcessedEventListener;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProfileService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driven by the table's stream (inserts of inbox items only, by the event source mapping's filter):
 * puts each event on its person's profile. The records of a batch are processed concurrently — safe
 * because stitching is transactional and traits apply by event time, not by arrival order. If any
 * record fails, the batch reports the earliest failed record, so Lambda retries from there (and,
 * after the configured attempts, sends the batch to the dead-letter queue). Processing is
 * idempotent, so the records after it that already succeeded are not applied twice when retried.
 */
public final class ProcessHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHandler.class);

  /** How many records of a batch are processed at once ({@code WAYMARK_PROCESS_CONCURRENCY}). */
  static final int DEFAULT_CONCURRENCY = 8;

  private final ProfileService profiles;
  private final List<ProcessedEventListener> listeners;
  private final Telemetry telemetry;
  private final ExecutorService workers;

  public ProcessHandler() {
    this(
        JourneyServices.fromEnvironment().core(),
        Telemetry.powertools(),
        Integer.parseInt(
            System.getenv()
                .getOrDefault(
                    "WAYMARK_PROCESS_CONCURRENCY", Integer.toString(DEFAULT_CONCURRENCY))));
  }

  public ProcessHandler(WaymarkServices services, Telemetry telemetry) {
    this(services, telemetry, DEFAULT_CONCURRENCY);
  }

  public ProcessHandler(WaymarkServices services, Telemetry telemetry, int concurrency) {
    this.profiles = services.profiles();
    this.listeners = services.processedEventListeners();
    this.telemetry = telemetry;
    this.workers =
        Executors.newFixedThreadPool(
            concurrency, Thread.ofPlatform().daemon().name("process-", 0).factory());
    // side-effect free: resolving an identity nobody has is two reads
    SnapStartPriming.register(
        () -> profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "snapstart-priming")));
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return telemetry.invocation(context, () -> processAll(event.getRecords()));
  }

  private StreamsEventResponse processAll(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<DynamodbEvent.DynamodbStreamRecord> inbox =
        records.stream().filter(ProcessHandler::isInboxInsert).toList();
    List<Future<ProcessOutcome>> outcomes = new ArrayList<>(inbox.size());
    for (DynamodbEvent.DynamodbStreamRecord record : inbox) {
      outcomes.add(workers.submit(() -> process(eventOf(record.getDynamodb().getNewImage()))));
    }
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < inbox.size(); i++) {
      String sequence = inbox.get(i).getDynamodb().getSequenceNumber();
      try {
        ProcessOutcome outcome = outcomes.get(i).get();
        telemetry.count(outcome.recorded() ? "EventsProcessed" : "EventsAlreadyProcessed", 1);
        telemetry.count("ProfileMerges", outcome.merges());
      } catch (ExecutionException e) {
        telemetry.count("EventsFailed", 1);
        LOG.error("event at sequence {} failed", sequence, e.getCause());
        if (failures.isEmpty()) {
          failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
        break;
      }
    }
    return new StreamsEventResponse(failures);
  }

  private ProcessOutcome process(InboundEvent event) {
    ProcessOutcome outcome = profiles.process(event);
    for (ProcessedEventListener listener : listeners) {
      listener.onProcessed(outcome, event);
    }
    return outcome;
  }

  static boolean isInboxInsert(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> image =
        record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
    return "INSERT".equals(record.getEventName())
        && image != null
        && image.get("SK") != null
        && "EVENT".equals(image.get("SK").getS())
        && image.get("payload") != null;
  }

  static InboundEvent eventOf(Map<String, AttributeValue> newImage) {
    return InboundEvent.fromStoredJson(newImage.get("payload").getS());
  }
}
