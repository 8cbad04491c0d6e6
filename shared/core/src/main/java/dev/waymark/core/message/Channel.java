package dev.waymark.core.message;

/** The channels Waymark sends on. */
public enum Channel {
  email,
  sms,
  push
}
