package dev.waymark.core.journey;

import java.util.List;

/** A journey definition that cannot be used, with every problem found, each naming its field. */
public final class JourneyDefinitionException extends RuntimeException {
  private final List<String> problems;

  public JourneyDefinitionException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
