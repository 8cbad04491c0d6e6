package dev.waymark.core.segment;

import dev.waymark.core.problem.FieldError;
import java.util.List;

/** A segment definition that cannot be used, with every problem found, each naming its field. */
public final class SegmentDefinitionException extends RuntimeException {
  private final transient List<FieldError> problems;

  public SegmentDefinitionException(String source, List<FieldError> problems) {
    super(
        source
            + ": "
            + String.join(
                "; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldError> problems() {
    return problems;
  }
}
