package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.TestStateRequest;
import dev.waymark.states.TestStateResult;
import dev.waymark.states.json.Json;

/** TestState corpus cases: compare status, output, error/cause, nextState and inspection data. */
final class TestStateCases {
  private TestStateCases() {}

  static String run(JsonNode c) {
    JsonNode exp = c.path("expected");
    JsonNode p = c.path("api_params");
    StatesEngine engine = CaseRunner.engine(c);
    JsonNode in = c.get("input");
    String input = in == null || in.isNull() ? null : Json.write(in);
    String type = c.path("definition").path("Type").asText("Machine");
    String role =
        type.equals("Pass") || type.equals("Choice") || type.equals("Machine") && !p.has("mock")
            ? null
            : "arn:aws:iam::111111111111:role/test-role";
    TestStateRequest req =
        new TestStateRequest(
            Json.write(c.get("definition")),
            role,
            input,
            p.path("inspectionLevel").asText("INFO"),
            p.get("mock"),
            p.has("stateName") ? p.get("stateName").asText() : null,
            p.has("variables") ? p.get("variables").asText() : null,
            p.has("context") ? p.get("context").asText() : null,
            p.get("stateConfiguration"));
    TestStateResult r;
    try {
      r = engine.testState(req);
    } catch (StatesApiException e) {
      if (!exp.path("status").asText().equals("API_ERROR")) {
        return "unexpected API error " + e.code() + ": " + e.getMessage();
      }
      String m = exp.path("message").asText();
      return e.code().equals(exp.path("error").asText())
              && (m.endsWith(e.getMessage()) || Masking.textMatches(m, e.getMessage()))
          ? null
          : "API error "
              + e.code()
              + " '"
              + e.getMessage()
              + "' != "
              + exp.path("error").asText()
              + " '"
              + m
              + "'";
    }
    if (!exp.path("status").asText().equals(r.status())) {
      return "status "
          + r.status()
          + " != "
          + exp.path("status").asText()
          + " ("
          + r.error()
          + ": "
          + Masking.abbreviate(r.cause())
          + ")";
    }
    String d =
        Masking.diff(
            exp.get("output"), r.output() == null ? null : Json.parse(r.output()), "output");
    if (d == null && exp.has("error")) {
      d =
          Masking.diff(
              exp.get("error"), r.error() == null ? null : Json.F.textNode(r.error()), "error");
    }
    if (d == null && exp.has("cause") && !exp.get("cause").isNull()) {
      d =
          Masking.diff(
              exp.get("cause"), r.cause() == null ? null : Json.F.textNode(r.cause()), "cause");
    }
    if (d == null && (exp.has("nextState") || r.nextState() != null)) {
      d =
          Masking.diff(
              exp.path("nextState"),
              r.nextState() == null ? null : Json.F.textNode(r.nextState()),
              "nextState");
      if (d == null && !exp.has("nextState")) {
        d = "unexpected nextState " + r.nextState();
      }
    }
    if (d == null && exp.has("inspectionData")) {
      d = Masking.diff(exp.get("inspectionData"), r.inspectionData(), "inspectionData");
    }
    return d;
  }
}
