package dev.waymark.core.journey.importer.pinpoint;

import dev.waymark.core.problem.ProblemException;
import java.util.List;

/** The field errors of the 400 a conversion throws, as "pointer: message". */
final class Problems {
  private Problems() {}

  static List<String> of(Runnable conversion) {
    try {
      conversion.run();
    } catch (ProblemException e) {
      if (e.problem().status() != 400) {
        throw new AssertionError("not a 400: " + e.problem());
      }
      return e.problem().errors().stream().map(f -> f.field() + ": " + f.message()).toList();
    }
    throw new AssertionError("the export was not refused");
  }
}
