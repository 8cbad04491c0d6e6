package dev.waymark.functions.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.deadletter.FailureReasons;
import dev.waymark.aws.deadletter.StreamFailureDescriptions;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.deadletter.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeadLetterFunction, driven by ProcessFunction's dead-letter queue: each message describes a
 * stream batch the event source mapping gave up on; its events are set aside as dead letters
 * (listed by {@code GET /v1/admin/dead-letters}, on their person's timeline as failed, replayable).
 * The first event of the batch is the one that failed; the others are set aside only if a failed
 * attempt of theirs was noted (the rest of the batch was processed). A message that cannot be read
 * (not a description, or the stream no longer has the records) is reported failed and stays in the
 * queue, where the queue's alarm sees it.
 */
public final class DeadLetterQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueueHandler.class);
  static final String REASON = "the retries were spent";

  private final DeadLetters deadLetters;
  private final StreamFailureDescriptions descriptions;
  private final Telemetry telemetry;

  public DeadLetterQueueHandler() {
    this(Composition.deadLetterFunction(), Telemetry.powertools());
  }

  private DeadLetterQueueHandler(Composition.DeadLetterGraph graph, Telemetry telemetry) {
    this(graph.deadLetters(), graph.descriptions(), telemetry);
  }

  public DeadLetterQueueHandler(
      DeadLetters deadLetters, StreamFailureDescriptions descriptions, Telemetry telemetry) {
    this.deadLetters = deadLetters;
    this.descriptions = descriptions;
    this.telemetry = telemetry;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return telemetry.invocation(context, () -> setAsideAll(event.getRecords()));
  }

  private SQSBatchResponse setAsideAll(List<SQSEvent.SQSMessage> messages) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : messages) {
      try {
        List<String> messageIds = descriptions.messageIds(message.getBody());
        for (int i = 0; i < messageIds.size(); i++) {
          if (i == 0 || deadLetters.attempted(messageIds.get(i))) {
            deadLetters.setAside(messageIds.get(i), REASON);
            telemetry.count("EventsDeadLettered", 1);
          }
        }
      } catch (RuntimeException e) {
        LOG.error(
            "dead-letter message {} not set aside: {}",
            message.getMessageId(),
            FailureReasons.of(e));
        failures.add(
            SQSBatchResponse.BatchItemFailure.builder()
                .withItemIdentifier(message.getMessageId())
                .build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
