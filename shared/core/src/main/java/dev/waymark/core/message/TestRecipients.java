package dev.waymark.core.message;

import java.time.Instant;
import java.util.List;

/**
 * The account's test list: the only addresses a test send may go to, and the record of each test
 * message (kept apart from the journeys' message log and counters).
 */
public interface TestRecipients {
  /** One test message: which template version, to whom, on which channel, the provider's id. */
  record TestMessage(
      String templateId,
      int version,
      Channel channel,
      String to,
      String providerMessageId,
      Instant at) {}

  List<String> addresses();

  void replace(List<String> addresses, Instant at);

  void record(TestMessage message);
}
