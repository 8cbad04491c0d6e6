package dev.waymark.core.problem;

import java.util.List;

/** An RFC 9457 problem detail: what every 4xx answer of Waymark carries. */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static Problem of(int status, String title, String detail) {
    return new Problem(typeFor(title), title, status, detail, List.of());
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    return new Problem(
        typeFor("Invalid request"), "Invalid request", 400, detail, List.copyOf(errors));
  }

  public static Problem invalidField(String field, String message) {
    return invalid(field + ": " + message, List.of(new FieldError(field, message)));
  }

  /** A 413: the body (or the part of it {@code field} names) is over a size limit. */
  public static Problem tooLarge(String field, String message) {
    return new Problem(
        typeFor("Payload too large"),
        "Payload too large",
        413,
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  private static String typeFor(String title) {
    return "https://waymark.dev/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
