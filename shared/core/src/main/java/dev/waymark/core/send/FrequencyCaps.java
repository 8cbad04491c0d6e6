package dev.waymark.core.send;

import dev.waymark.core.message.Channel;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many messages a person may get per channel per day (their local day), across all journeys.
 * Defaults: 3 emails, 2 SMS, 3 pushes; set with WAYMARK_CAP_EMAIL, WAYMARK_CAP_SMS,
 * WAYMARK_CAP_PUSH.
 */
public record FrequencyCaps(Map<Channel, Integer> perDay) {

  public static FrequencyCaps fromEnvironment(Map<String, String> env) {
    Map<Channel, Integer> caps = new EnumMap<>(Channel.class);
    caps.put(Channel.email, Integer.parseInt(env.getOrDefault("WAYMARK_CAP_EMAIL", "3")));
    caps.put(Channel.sms, Integer.parseInt(env.getOrDefault("WAYMARK_CAP_SMS", "2")));
    caps.put(Channel.push, Integer.parseInt(env.getOrDefault("WAYMARK_CAP_PUSH", "3")));
    return new FrequencyCaps(caps);
  }

  public int limit(Channel channel) {
    return perDay.get(channel);
  }
}
