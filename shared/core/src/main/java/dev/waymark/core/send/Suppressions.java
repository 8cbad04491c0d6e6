package dev.waymark.core.send;

import dev.waymark.core.message.Channel;

/**
 * Addresses that must never be sent to again (hard bounces, complaints, unsubscribes at the address
 * level).
 */
public interface Suppressions {
  boolean suppressed(Channel channel, String address);

  void suppress(Channel channel, String address, String reason);
}
