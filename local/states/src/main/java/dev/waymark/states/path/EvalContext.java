package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * What a JSONPath-mode expression can see: the value '$' refers to, the context object '$$' and
 * variables ('$name'; the lookup returns null for an unknown variable).
 */
public record EvalContext(JsonNode input, JsonNode context, Function<String, JsonNode> variables) {}
