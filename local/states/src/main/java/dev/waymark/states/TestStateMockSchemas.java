package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * TestState mock-result validation (fieldValidationMode STRICT or PRESENT) against the response shapes of the
 * optimized integrations: a small schema per resource; fields outside the schema are accepted.
 */
final class TestStateMockSchemas {
    private TestStateMockSchemas() {
    }

    /** A field schema: type is "string", "number", "array" or "object" (with nested fields / item schema). */
    private record Field(String type, Map<String, Field> fields, List<String> required, Field item) {
        static Field string() {
            return new Field("string", Map.of(), List.of(), null);
        }

        static Field number() {
            return new Field("number", Map.of(), List.of(), null);
        }

        static Field object(Map<String, Field> fields, String... required) {
            return new Field("object", fields, List.of(required), null);
        }

        static Field array(Field item) {
            return new Field("array", Map.of(), List.of(), item);
        }
    }

    private static final Field CONSUMED = Field.object(Map.of("CapacityUnits", Field.number(),
            "ReadCapacityUnits", Field.number(), "WriteCapacityUnits", Field.number(), "TableName", Field.string()));
    private static final Map<String, Field> SCHEMAS = Map.of(
            "lambda:invoke", Field.object(Map.of("StatusCode", Field.number(), "ExecutedVersion", Field.string(),
                    "FunctionError", Field.string(), "LogResult", Field.string())),
            "states:startExecution", Field.object(Map.of("ExecutionArn", Field.string(), "StartDate", Field.string()),
                    "ExecutionArn", "StartDate"),
            "events:putEvents", Field.object(Map.of("FailedEntryCount", Field.number(), "Entries",
                    Field.array(Field.object(Map.of("EventId", Field.string(), "ErrorCode", Field.string(),
                            "ErrorMessage", Field.string()))))),
            "dynamodb:", Field.object(Map.of("ConsumedCapacity", CONSUMED)));

    /** Throws ValidationException when the mocked result does not fit the integration's response shape. */
    static void validate(String resource, JsonNode result, String mode) {
        if ("NONE".equals(mode) || resource == null) {
            return;
        }
        String key = resource.replaceFirst("^arn:[^:]+:states:::", "").replaceFirst("\\.(sync(:2)?|waitForTaskToken)$",
                "");
        Field schema = SCHEMAS.get(key);
        if (schema == null && key.startsWith("dynamodb:")) {
            schema = SCHEMAS.get("dynamodb:");
        }
        if (schema != null) {
            check(schema, result, null, !"PRESENT".equals(mode));
        }
    }

    private static void check(Field f, JsonNode v, String name, boolean strict) {
        boolean ok = switch (f.type()) {
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "array" -> v.isArray();
            default -> v.isObject();
        };
        if (!ok) {
            throw invalid("Field '" + name + "' must be " + (f.type().equals("array") ? "an " : "a ") + f.type());
        }
        if (f.type().equals("object")) {
            if (strict) {
                for (String r : f.required()) {
                    if (!v.has(r)) {
                        throw invalid("Required field '" + r + "' is missing");
                    }
                }
            }
            f.fields().forEach((k, sub) -> {
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

    private static StatesApiException invalid(String what) {
        return new StatesApiException("ValidationException", "Mock result schema validation error: " + what);
    }
}
