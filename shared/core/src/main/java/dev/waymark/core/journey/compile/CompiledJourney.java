package dev.waymark.core.journey.compile;

import java.util.List;

/**
 * A journey document compiled to Amazon States Language: the definition text (byte-identical for
 * the same document), its number of states, and the template ids its sends use (sorted, distinct).
 */
public record CompiledJourney(String asl, int states, List<String> templateIds) {
  public CompiledJourney {
    templateIds = List.copyOf(templateIds);
  }
}
