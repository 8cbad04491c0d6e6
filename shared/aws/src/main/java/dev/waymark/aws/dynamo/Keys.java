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

  public static String writeKey(String sha256Hex) {
    return "K#" + sha256Hex;
  }
}
