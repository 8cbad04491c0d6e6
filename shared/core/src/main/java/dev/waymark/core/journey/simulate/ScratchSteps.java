package dev.waymark.core.journey.simulate;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.steps.JourneySecrets;
import dev.waymark.core.journey.steps.StepContext;
import dev.waymark.core.journey.steps.StepLedger;
import dev.waymark.core.journey.steps.WebhookClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps task's stores for a simulation: the once-per-(run, step) ledger counting into the
 * scratch journey store, a webhook client that calls nobody (every webhook step answers 200 with an
 * empty body, so runs take the success path, and the call is listed), a stand-in signing secret,
 * and an inbox that keeps the events an {@code update} step would emit instead of processing them.
 */
public final class ScratchSteps implements StepLedger, JourneySecrets, WebhookClient, EventInbox {
  private final JourneyStore journeys;
  private final Map<String, Instant> claims = new ConcurrentHashMap<>();
  private final Map<String, JourneyCounter> recorded = new ConcurrentHashMap<>();
  private final List<String> webhookCalls = new ArrayList<>();
  private final List<InboundEvent> emitted = new ArrayList<>();

  public ScratchSteps(JourneyStore journeys) {
    this.journeys = journeys;
  }

  @Override
  public boolean recordOnce(StepContext step, JourneyCounter counter) {
    if (recorded.putIfAbsent(step.key(), counter) != null) {
      return false;
    }
    journeys.count(step.journeyId(), step.version(), counter, 1);
    return true;
  }

  @Override
  public Optional<JourneyCounter> recorded(StepContext step) {
    return Optional.ofNullable(recorded.get(step.key()));
  }

  @Override
  public Instant claim(StepContext step, Instant now) {
    Instant first = claims.putIfAbsent("claim|" + step.key(), now);
    return first == null ? now : first;
  }

  @Override
  public Optional<String> webhookSecret(String journeyId) {
    return Optional.of("simulation-" + journeyId);
  }

  @Override
  public synchronized Response call(Request request) {
    webhookCalls.add(request.method() + " " + request.url().getHost());
    return new Response(200, "");
  }

  @Override
  public synchronized boolean accept(InboundEvent event, String source) {
    emitted.add(event);
    return true;
  }

  @Override
  public synchronized Optional<InboundEvent> stored(String messageId) {
    return emitted.stream().filter(e -> e.messageId().equals(messageId)).findFirst();
  }

  /** The webhook calls a real run would have made ({@code METHOD host}), none of them made. */
  public synchronized List<String> webhookCalls() {
    return List.copyOf(webhookCalls);
  }
}
