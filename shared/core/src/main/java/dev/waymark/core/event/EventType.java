package dev.waymark.core.event;

import java.util.Locale;

/** The Segment tracking-spec calls Waymark accepts. */
public enum EventType {
  TRACK,
  IDENTIFY,
  PAGE,
  SCREEN,
  GROUP,
  ALIAS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventType fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
