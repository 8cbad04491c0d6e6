package dev.waymark.core.send;

import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.message.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a send step reads before it decides, and writes once it has decided, each in as few round
 * trips as the store allows: on DynamoDB one {@code BatchGetItem} before and one {@code
 * TransactWriteItems} after ({@code DynamoSendRecords}); {@link SeparateSendRecords} makes the same
 * reads and writes one after another through the separate ports.
 */
public interface SendRecords {
  /**
   * The step's answer if it was already answered ({@link SendLedger#find}), which of these
   * addresses are on the suppression list ({@link Suppressions#suppressed}), and the latest HTML of
   * the email layout named {@code layout}, if one is named and exists.
   */
  Prior prior(String runId, String stepId, List<Address> addresses, Optional<String> layout);

  /**
   * Records a final outcome: the ledger's answer ({@link SendLedger#complete}), the message log
   * ({@link MessageLog#record}), the decision's trace entry and the step's counter.
   */
  void finish(Finished finished);

  /** An address of the person on a channel. */
  record Address(Channel channel, String address) {}

  /** What {@link #prior} found. */
  record Prior(
      Optional<SendOutcome> answered, Set<Address> suppressed, Optional<String> layoutHtml) {
    public Prior {
      suppressed = Set.copyOf(suppressed);
    }
  }

  /** A final outcome and everything recorded with it. */
  record Finished(
      String profileId,
      Instant at,
      SendRequest request,
      SendOutcome outcome,
      TraceEntry trace,
      String version,
      JourneyCounter counter) {}
}
