package dev.waymark.aws.dynamo;

import dev.waymark.core.identity.Identity;
import java.time.Instant;

/** Every key of the one Waymark table, in one place (see docs/data-model.md). */
public final class Keys {
  public static final String PROFILE_SK = "PROFILE";
  public static final String IDENTITY_SK = "ID";
  public static final String INBOX_SK = "EVENT";
  public static final String WRITE_KEY_SK = "WRITEKEY";
  public static final String EVENT_PREFIX = "E#";
  public static final String MESSAGE_PREFIX = "M#";
  public static final String MEMBERSHIP_PREFIX = "J#";
  public static final String RUN_PREFIX = "R#";
  public static final String WAIT_PREFIX = "W#";
  public static final String TRACE_PREFIX = "T#";

  private Keys() {}

  public static String profile(String profileId) {
    return "P#" + profileId;
  }

  public static String identity(Identity identity) {
    return "I#" + identity.key();
  }

  public static String inbox(String messageId) {
    return "EV#" + messageId;
  }

  public static String event(Instant timestamp, String messageId) {
    return EVENT_PREFIX + timestamp + "#" + messageId;
  }

  public static String membership(String journeyId) {
    return MEMBERSHIP_PREFIX + journeyId;
  }

  public static String run(String runId) {
    return RUN_PREFIX + runId;
  }

  public static String waitPrefix(String eventName) {
    return WAIT_PREFIX + eventName + "#";
  }

  public static String waitFor(String eventName, String runId, String stepId) {
    return waitPrefix(eventName) + runId + "#" + stepId;
  }

  public static String trace(String key) {
    return TRACE_PREFIX + key;
  }

  public static String journeyCounters(String journeyId, String version) {
    return "J#" + journeyId + "#" + version;
  }

  public static String counter(String metric, int shard) {
    return "C#" + metric + "#" + shard;
  }

  public static String writeKey(String sha256Hex) {
    return "K#" + sha256Hex;
  }
}
