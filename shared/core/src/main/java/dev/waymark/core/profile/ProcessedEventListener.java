package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;

/**
 * What happens after an event is on its profile: segment evaluation, journey routing. Called for
 * every processed event, replays included (a crash may have come between recording the event and a
 * listener finishing), so every listener must be idempotent. A listener that throws fails the
 * event, which is then retried by the stream.
 */
public interface ProcessedEventListener {
  void onProcessed(ProcessOutcome outcome, InboundEvent event);
}
