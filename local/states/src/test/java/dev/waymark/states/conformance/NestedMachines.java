package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesEngine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the child state machines that startExecution cases reference (the corpus's pass_result template). */
final class NestedMachines {
    private static final Pattern ARN = Pattern.compile("arn:aws:states:[^:]+:[0-9]+:stateMachine:([A-Za-z0-9_-]+)");
    private static final String PASS_RESULT = "{\"Comment\":\"BASE_PASS_RESULT\",\"StartAt\":\"State_1\",\"States\":"
            + "{\"State_1\":{\"Type\":\"Pass\",\"Result\":{\"Arg1\":\"argument1\"},\"End\":true}}}";

    private NestedMachines() {
    }

    static void prepare(StatesEngine engine, JsonNode c) {
        boolean usesTemplate = false;
        for (JsonNode t : c.path("templates")) {
            usesTemplate |= t.asText().endsWith("base/statemachines/pass_result.json5");
        }
        if (!usesTemplate) {
            return;
        }
        Matcher m = ARN.matcher(c.path("input").toString() + c.path("definition").toString());
        while (m.find()) {
            try {
                engine.createStateMachine(m.group(1), PASS_RESULT);
            } catch (RuntimeException e) {
                // already created or invalid: the case will report it
            }
        }
    }
}
