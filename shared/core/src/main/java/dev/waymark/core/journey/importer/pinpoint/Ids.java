package dev.waymark.core.journey.importer.pinpoint;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Waymark ids from Pinpoint names: {@code WelcomeEmail} → {@code welcome-email}, {@code
 * Cart_Reminder} → {@code cart-reminder}; step ids unique within the document.
 */
final class Ids {
  static final int STEP_ID_MAX = 48;
  static final int ID_MAX = 64;
  private final Set<String> used = new HashSet<>();

  /** Lower-case words joined by '-', at most {@code max} characters; empty when nothing is left. */
  static String slug(String name, int max) {
    String words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (words.length() > max) {
      words = words.substring(0, max).replaceAll("-+$", "");
    }
    return words;
  }

  /** A step id from {@code name} not used yet (a suffix {@code -2}, {@code -3}... if needed). */
  String step(String name) {
    String base = slug(name, STEP_ID_MAX);
    if (base.isEmpty()) {
      base = "step";
    }
    String id = base;
    for (int n = 2; !used.add(id); n++) {
      String suffix = "-" + n;
      id = base.substring(0, Math.min(base.length(), STEP_ID_MAX - suffix.length())) + suffix;
    }
    return id;
  }

  /** An id for a step made for {@code base}'s activity: {@code base-2}, {@code base-3}... */
  String derived(String base) {
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      String id =
          base.substring(0, Math.min(base.length(), STEP_ID_MAX - suffix.length())) + suffix;
      if (used.add(id)) {
        return id;
      }
    }
  }

  /** Reserves an id (a step the converter names itself, such as "end"). */
  String reserve(String id) {
    return used.add(id) ? id : derived(id);
  }
}
