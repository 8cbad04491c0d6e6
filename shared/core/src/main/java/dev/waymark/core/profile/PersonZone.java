package dev.waymark.core.profile;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The person's time zone: the {@code timezone} trait when it names a zone, else the default. */
public final class PersonZone {
  private PersonZone() {}

  public static ZoneId of(Profile profile, ZoneId defaultZone) {
    String zone = profile.traits().values().path("timezone").asText("");
    try {
      return zone.isEmpty() ? defaultZone : ZoneId.of(zone);
    } catch (DateTimeException e) {
      return defaultZone;
    }
  }
}
