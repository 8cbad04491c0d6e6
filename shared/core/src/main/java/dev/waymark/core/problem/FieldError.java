package dev.waymark.core.problem;

/** One problem with one field of a request, named by its JSON Pointer (RFC 6901). */
public record FieldError(String field, String message) {}
