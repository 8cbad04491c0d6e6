package dev.waymark.core.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.message.Channel;
import java.util.List;

/**
 * What a journey's send step asks for: one message for one person, on the first channel in {@code
 * channels} that reaches them (e.g. push if the app is installed, else email), from a template,
 * about a topic (for per-topic consent), within a send window. {@code templateVersion} pins the
 * template version (a published journey version pins its templates); null means the latest. {@code
 * codePool}, when set, names a promo code pool of the journey: the send draws one unique code from
 * it (the template's {@code data.code}) and is not made without one.
 */
public record SendRequest(
    String runId,
    String journeyId,
    String stepId,
    String profileId,
    List<Channel> channels,
    String template,
    String topic,
    ObjectNode data,
    ObjectNode entry,
    SendWindow window,
    Integer templateVersion,
    String codePool) {

  public SendRequest {
    channels = List.copyOf(channels);
  }
}
