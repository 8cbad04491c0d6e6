package dev.waymark.core.profile;

import java.util.Arrays;
import java.util.Optional;

/** The channels a person gives or refuses consent for. */
public enum ConsentChannel {
  EMAIL("email"),
  SMS("sms"),
  PUSH("push");

  private final String key;

  ConsentChannel(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<ConsentChannel> fromKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
