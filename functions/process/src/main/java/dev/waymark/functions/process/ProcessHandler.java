package dev.waymark.functions.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProfileService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driven by the table's stream (inserts of inbox items only, by the event source mapping's
 * filter): puts each event on its person's profile. Records are processed in order; at the first
 * failure the batch reports that record and stops, so Lambda retries from there (and, after the
 * configured attempts, sends the batch to the dead-letter queue). Processing is idempotent, so a
 * retried record is never applied twice.
 */
public final class ProcessHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHandler.class);
  private final ProfileService profiles;
  private final Telemetry telemetry;

  public ProcessHandler() {
    this(WaymarkServices.fromEnvironment().profiles(), Telemetry.powertools());
  }

  public ProcessHandler(ProfileService profiles, Telemetry telemetry) {
    this.profiles = profiles;
    this.telemetry = telemetry;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return telemetry.invocation(context, () -> processAll(event.getRecords()));
  }

  private StreamsEventResponse processAll(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      if (!isInboxInsert(record)) {
        continue;
      }
      try {
        ProcessOutcome outcome = profiles.process(eventOf(record.getDynamodb().getNewImage()));
        telemetry.count(outcome.recorded() ? "EventsProcessed" : "EventsAlreadyProcessed", 1);
        telemetry.count("ProfileMerges", outcome.merges());
      } catch (RuntimeException e) {
        LOG.error("event at sequence {} failed; the batch resumes from it", record.getDynamodb().getSequenceNumber(), e);
        telemetry.count("EventsFailed", 1);
        failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
        break;
      }
    }
    return new StreamsEventResponse(failures);
  }

  static boolean isInboxInsert(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
    return "INSERT".equals(record.getEventName()) && image != null && image.get("SK") != null
        && "EVENT".equals(image.get("SK").getS()) && image.get("payload") != null;
  }

  static InboundEvent eventOf(Map<String, AttributeValue> newImage) {
    return InboundEvent.fromStoredJson(newImage.get("payload").getS());
  }
}
