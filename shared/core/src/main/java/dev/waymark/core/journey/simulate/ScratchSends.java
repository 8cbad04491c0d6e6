package dev.waymark.core.journey.simulate;

import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.send.Deliveries;
import dev.waymark.core.send.MessageLog;
import dev.waymark.core.send.SendLedger;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The send path's stores for a simulation, in memory: the exactly-once ledger with the daily
 * per-channel caps (counted as a real run counts them), the message log (what each person would
 * have received, and every refusal), and deliveries that hand nothing to any provider — the
 * rendered message is dropped, only that it would have gone is kept.
 */
public final class ScratchSends implements SendLedger, MessageLog, Deliveries {
  /** One send decision: who, when, which step, channel and template, and what became of it. */
  public record Logged(
      String profileId,
      Instant at,
      String runId,
      String stepId,
      String template,
      SendOutcome.Status status,
      Channel channel,
      String reason) {}

  private final Map<String, SendOutcome> answered = new HashMap<>();
  private final Map<String, Integer> perDay = new HashMap<>();
  private final List<Logged> log = new ArrayList<>();
  private final AtomicLong delivered = new AtomicLong();

  @Override
  public synchronized Optional<SendOutcome> find(String runId, String stepId) {
    return Optional.ofNullable(answered.get(runId + "#" + stepId));
  }

  @Override
  public synchronized Claim claim(
      String runId, String stepId, String profileId, Channel channel, String localDay, int cap) {
    String step = runId + "#" + stepId;
    if (answered.containsKey(step)) {
      return Claim.TAKEN;
    }
    String day = profileId + "|" + channel + "|" + localDay;
    if (perDay.getOrDefault(day, 0) >= cap) {
      return Claim.CAPPED;
    }
    perDay.merge(day, 1, Integer::sum);
    answered.put(step, SendOutcome.of(SendOutcome.Status.in_doubt, channel, "claimed"));
    return Claim.CLAIMED;
  }

  @Override
  public synchronized void complete(String runId, String stepId, SendOutcome outcome) {
    answered.put(runId + "#" + stepId, outcome);
  }

  @Override
  public synchronized void release(
      String runId, String stepId, String profileId, Channel channel, String localDay) {
    answered.remove(runId + "#" + stepId);
    perDay.merge(profileId + "|" + channel + "|" + localDay, -1, Integer::sum);
  }

  @Override
  public synchronized void record(
      String profileId, Instant at, SendRequest request, SendOutcome outcome) {
    log.add(
        new Logged(
            profileId,
            at,
            request.runId(),
            request.stepId(),
            request.template(),
            outcome.status(),
            outcome.channel(),
            outcome.reason()));
  }

  /** No provider feedback comes back in a simulation. */
  @Override
  public boolean updateStatus(String providerMessageId, String status, Instant at) {
    return false;
  }

  @Override
  public Set<String> feedback(String profileId, String runId, String stepId) {
    return Set.of();
  }

  /** No provider ever saw a simulated message, so no delivery report can name one. */
  @Override
  public java.util.Optional<Sent> sent(String providerMessageId) {
    return java.util.Optional.empty();
  }

  /** Nothing is handed to a provider: the message would have gone, and is counted. */
  @Override
  public String deliver(
      Channel channel, String address, RenderedMessage message, Map<String, String> tags) {
    return "simulated-" + delivered.incrementAndGet();
  }

  /** Every send decision, in the order made. */
  public synchronized List<Logged> log() {
    return List.copyOf(log);
  }

  /** How many messages would have been handed to a provider. */
  public long delivered() {
    return delivered.get();
  }
}
