package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TestState mock-result validation (fieldValidationMode STRICT or PRESENT) against the response
 * shapes of common integrations: a small schema per resource; fields outside the schema are
 * accepted.
 */
final class TestStateMockSchemas {
  private TestStateMockSchemas() {}

  /**
   * A field schema: type is "string", "number", "array" or "object" (nested fields / item schema),
   * with optional bounds (string length or numeric value) and allowed values.
   */
  private record Field(
      String type,
      Map<String, Field> fields,
      List<String> required,
      Field item,
      Long min,
      Long max,
      Set<String> allowed) {
    static Field string() {
      return new Field("string", Map.of(), List.of(), null, null, null, null);
    }

    static Field number() {
      return new Field("number", Map.of(), List.of(), null, null, null, null);
    }

    static Field object(Map<String, Field> fields, String... required) {
      return new Field("object", fields, List.of(required), null, null, null, null);
    }

    static Field array(Field item) {
      return new Field("array", Map.of(), List.of(), item, null, null, null);
    }

    Field bounded(Long lo, Long hi) {
      return new Field(type, fields, required, item, lo, hi, allowed);
    }

    Field oneOf(String... values) {
      return new Field(type, fields, required, item, min, max, Set.of(values));
    }
  }

  private static final Field CONSUMED =
      Field.object(
          Map.of(
              "CapacityUnits",
              Field.number(),
              "ReadCapacityUnits",
              Field.number(),
              "WriteCapacityUnits",
              Field.number(),
              "TableName",
              Field.string()));
  private static final Map<String, Field> SCHEMAS =
      Map.of(
          "lambda:invoke",
              Field.object(
                  Map.of(
                      "StatusCode",
                      Field.number(),
                      "ExecutedVersion",
                      Field.string(),
                      "FunctionError",
                      Field.string(),
                      "LogResult",
                      Field.string())),
          "states:startExecution",
              Field.object(
                  Map.of("ExecutionArn", Field.string(), "StartDate", Field.string()),
                  "ExecutionArn",
                  "StartDate"),
          "events:putEvents",
              Field.object(
                  Map.of(
                      "FailedEntryCount",
                      Field.number(),
                      "Entries",
                      Field.array(
                          Field.object(
                              Map.of(
                                  "EventId",
                                  Field.string(),
                                  "ErrorCode",
                                  Field.string(),
                                  "ErrorMessage",
                                  Field.string()))))),
          "dynamodb:", Field.object(Map.of("ConsumedCapacity", CONSUMED)),
          "aws-sdk:s3:getObject",
              Field.object(
                  Map.of(
                      "ContentLength",
                      Field.number(),
                      "StorageClass",
                      Field.string()
                          .oneOf(
                              "STANDARD",
                              "REDUCED_REDUNDANCY",
                              "STANDARD_IA",
                              "ONEZONE_IA",
                              "INTELLIGENT_TIERING",
                              "GLACIER",
                              "DEEP_ARCHIVE",
                              "OUTPOSTS",
                              "GLACIER_IR",
                              "SNOW",
                              "EXPRESS_ONEZONE"))),
          "aws-sdk:kms:encrypt",
              Field.object(
                  Map.of(
                      "CiphertextBlob",
                      Field.string().bounded(1L, 6144L),
                      "KeyId",
                      Field.string())),
          "aws-sdk:lambda:getFunction",
              Field.object(
                  Map.of(
                      "Configuration",
                      Field.object(
                          Map.of(
                              "MemorySize",
                              Field.number().bounded(128L, 10240L),
                              "FunctionName",
                              Field.string())))));

  /**
   * Throws ValidationException when the mocked result does not fit the integration's response
   * shape.
   */
  static void validate(String resource, JsonNode result, String mode) {
    if ("NONE".equals(mode) || resource == null) {
      return;
    }
    String key =
        resource
            .replaceFirst("^arn:[^:]+:states:::", "")
            .replaceFirst("\\.(sync(:2)?|waitForTaskToken)$", "");
    Field schema = SCHEMAS.get(key);
    if (schema == null && key.startsWith("dynamodb:")) {
      schema = SCHEMAS.get("dynamodb:");
    }
    if (schema != null) {
      check(schema, result, null, !"PRESENT".equals(mode));
    }
  }

  private static void check(Field f, JsonNode v, String name, boolean strict) {
    boolean ok =
        switch (f.type()) {
          case "string" -> v.isTextual();
          case "number" -> v.isNumber();
          case "array" -> v.isArray();
          default -> v.isObject();
        };
    if (!ok) {
      throw invalid(
          "Field '" + name + "' must be " + (f.type().equals("array") ? "an " : "a ") + f.type());
    }
    bounds(f, v, name);
    if (f.type().equals("object")) {
      if (strict) {
        for (String r : f.required()) {
          if (!v.has(r)) {
            throw invalid("Required field '" + r + "' is missing");
          }
        }
      }
      f.fields()
          .forEach(
              (k, sub) -> {
                if (v.has(k)) {
                  check(sub, v.get(k), k, strict);
                }
              });
    } else if (f.type().equals("array")) {
      for (JsonNode e : v) {
        check(f.item(), e, name, strict);
      }
    }
  }

  private static void bounds(Field f, JsonNode v, String name) {
    if (f.allowed() != null && !f.allowed().contains(v.asText())) {
      throw invalid("Field '" + name + "' is not an expected value");
    }
    boolean text = v.isTextual();
    long size = text ? v.textValue().length() : v.asLong();
    if (f.min() != null && size < f.min()) {
      throw invalid(
          "Field '"
              + name
              + "' "
              + (text ? "is smaller than the minimum length" : "is less than the minimum value"));
    }
    if (f.max() != null && size > f.max()) {
      throw invalid(
          "Field '"
              + name
              + "' "
              + (text ? "is larger than the maximum length" : "exceeds the maximum value"));
    }
  }

  private static StatesApiException invalid(String what) {
    return new StatesApiException(
        "ValidationException", "Mock result schema validation error: " + what);
  }
}
