package dev.waymark.functions.journeys;

import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.segment.ConsentRecorder;
import dev.waymark.core.send.UnsubscribeLinks;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|POST /v1/unsubscribe?token=…}: the one-click unsubscribe link of every email (RFC
 * 8058: mail clients POST {@code List-Unsubscribe=One-Click}). The signed token names the person,
 * channel and topic, and expires; the consent is recorded as denied, with its source.
 */
record Unsubscribe(UnsubscribeLinks links, ConsentRecorder consents, Clock clock) {
  Map<String, Object> unsubscribe(String token) {
    UnsubscribeLinks.Subscription subscription = links.subscription(token);
    Identifiers.problem(subscription.profileId(), Identifiers.MAX_ID_CHARS)
        .ifPresent(
            m -> {
              throw ProblemException.invalidField("token", "names no valid profile id: it " + m);
            });
    ConsentChannel channel = ConsentChannel.valueOf(subscription.channel().name().toUpperCase());
    consents.record(
        subscription.profileId(),
        List.of(
            new ConsentRequest.Change(
                channel,
                subscription.topic(),
                new ConsentDecision(
                    ConsentDecision.ConsentStatus.denied,
                    "one-click unsubscribe",
                    clock.instant()))));
    return Map.of(
        "unsubscribed",
        true,
        "channel",
        subscription.channel().name(),
        "topic",
        subscription.topic() == null ? "all" : subscription.topic());
  }
}
