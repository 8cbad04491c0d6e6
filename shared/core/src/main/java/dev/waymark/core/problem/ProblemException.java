package dev.waymark.core.problem;

/** Thrown where a request cannot be served; handlers turn it into a problem response. */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not found", detail));
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(Problem.invalidField(field, message));
  }
}
