package dev.waymark.core.send;

import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import java.util.Map;
import java.util.Optional;

/** The providers that carry messages (SESv2 email; SNS SMS and mobile push). */
public interface Deliveries {
  /**
   * Hands a message to the provider and returns the provider's message id.
   *
   * @param tags ids that come back with delivery feedback (profile, journey, run, step)
   */
  String deliver(
      Channel channel, String address, RenderedMessage message, Map<String, String> tags);

  /**
   * Why this provider will not carry anything to this address (outside what Waymark was configured
   * to reach), checked before a send is claimed; empty when it will. The send is then recorded as
   * unreachable with this reason, never attempted.
   */
  default Optional<String> refusal(Channel channel, String address) {
    return Optional.empty();
  }
}
