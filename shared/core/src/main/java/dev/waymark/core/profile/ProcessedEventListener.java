package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happens after an event is on its profile: segment evaluation, journey routing. Called for
 * every processed event, replays included (a crash may have come between recording the event and a
 * listener finishing), so every listener must be idempotent. A listener that throws fails the
 * event, which is then retried by the stream.
 */
public interface ProcessedEventListener {
  void onProcessed(ProcessOutcome outcome, InboundEvent event);

  /**
   * The listener to use for one stream batch of these events (null for one that could not be read),
   * given the profile each event is already known to belong to: a listener may read ahead for the
   * whole batch what its events will need. By default, itself.
   */
  default ProcessedEventListener forBatch(
      List<InboundEvent> events, Function<InboundEvent, Optional<String>> knownProfileOf) {
    return this;
  }
}
