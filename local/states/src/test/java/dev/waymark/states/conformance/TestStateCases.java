package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** TestState corpus cases. */
final class TestStateCases {
    private TestStateCases() {
    }

    static String run(JsonNode c) {
        return "TestState not implemented";
    }
}
