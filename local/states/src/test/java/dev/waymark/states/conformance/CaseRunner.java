package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.HistoryEvent;
import dev.waymark.states.StateMachineType;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one corpus case against a fresh engine and compares with the recording. Returns null on a
 * pass.
 */
final class CaseRunner {
  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";
  static final String ROLE = "snf_role_arn";
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  /**
   * Real time one case may take. A case takes milliseconds; the bound is generous so that a loaded
   * machine cannot turn a passing case into a failing one and drop a category below the baseline.
   */
  static final Duration CASE_TIMEOUT = Duration.ofSeconds(90);

  private CaseRunner() {}

  static StatesEngine engine(JsonNode c) {
    StatesEngine.Builder b =
        StatesEngine.builder().clockMode(ClockMode.SKIP).accountId(ACCOUNT).region(REGION);
    StatesEngine[] holder = new StatesEngine[1];
    LocalDoubles.register(b, () -> holder[0], c);
    var clock = new dev.waymark.states.clock.EngineClock(ClockMode.SKIP, recordedAt(c));
    b.clock(clock);
    JsonNode handlers = c.path("lambda_handlers");
    if (handlers.size() == 1) {
      var stub = LambdaStubs.forFile(handlers.get(0).asText(), clock);
      b.lambdaResolver(name -> name.startsWith("no_such") ? null : stub);
    } else if (handlers.size() == 2) {
      b.lambda("branch1", LambdaStubs.forFile(handlers.get(0).asText(), clock));
      b.defaultLambda(LambdaStubs.forFile(handlers.get(1).asText(), clock));
      c.path("input")
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().asText().contains("branch1")) {
                  b.lambda(
                      e.getValue().asText(), LambdaStubs.forFile(handlers.get(0).asText(), clock));
                }
              });
    }
    holder[0] = b.build();
    NestedMachines.prepare(holder[0], c);
    return holder[0];
  }

  /**
   * Replays a case at the time AWS recorded it (some outcomes depend on "now", e.g. Wait delay
   * limits).
   */
  private static java.time.Instant recordedAt(JsonNode c) {
    try {
      var f = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy, HH:mm:ss");
      return java.time.LocalDateTime.parse(c.path("recorded_date").asText(), f)
          .toInstant(java.time.ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
  }

  static String run(JsonNode c) {
    String api = c.path("api").asText();
    return switch (api) {
      case "StartExecution", "StartSyncExecution" -> execution(c, api.equals("StartSyncExecution"));
      case "CreateStateMachine", "UpdateStateMachine" -> create(c);
      case "ValidateStateMachineDefinition" -> validate(c);
      case "TestState" -> TestStateCases.run(c);
      default -> "unsupported api " + api;
    };
  }

  private static StateMachineType type(JsonNode c) {
    String t = c.path("api_params").path("type").asText(c.path("state_machine_type").asText());
    return "EXPRESS".equals(t) ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
  }

  private static String create(JsonNode c) {
    JsonNode exp = c.path("expected");
    StatesEngine engine = engine(c);
    try {
      if (c.path("api").asText().equals("UpdateStateMachine")) {
        String arn = engine.machines().createStateMachine("sm", PASS).stateMachineArn();
        engine.machines().updateStateMachine(arn, null, null, false, null);
        return "expected " + exp.path("error").asText() + " but the update succeeded";
      }
      String description =
          c.path("id").asText().contains("version_description_no_publish") ? "description" : null;
      engine
          .machines()
          .createStateMachine(
              "sm", Json.write(c.get("definition")), ROLE, type(c), false, description);
      return "expected " + exp.path("error").asText() + " but creation succeeded";
    } catch (StatesApiException e) {
      return apiError(exp, e);
    }
  }

  private static String apiError(JsonNode exp, StatesApiException e) {
    if (!exp.path("status").asText().equals("API_ERROR")) {
      return "unexpected API error " + e.code() + ": " + e.getMessage();
    }
    if (!e.code().equals(exp.path("error").asText())) {
      return "error code "
          + e.code()
          + " != "
          + exp.path("error").asText()
          + " ("
          + e.getMessage()
          + ")";
    }
    String expMsg = exp.path("message").asText();
    String msg = e.getMessage().replace("arn:aws:", "arn:<partition>:");
    if (!Masking.textMatches(expMsg, msg)
        && !expMsg.endsWith(msg)
        && !localStackWrapped(expMsg, msg)) {
      return "message \"" + e.getMessage() + "\" != \"" + expMsg + "\"";
    }
    return null;
  }

  /**
   * LocalStack recorded some validation errors as "Error=ValueError Args=[...]": compare the
   * diagnostic text.
   */
  private static boolean localStackWrapped(String expected, String actual) {
    int colon = actual.indexOf(": ", actual.indexOf("'"));
    int at = actual.lastIndexOf(" at /");
    return expected.startsWith("Error=ValueError")
        && colon > 0
        && at > colon
        && expected.contains(actual.substring(colon + 2, at));
  }

  private static String validate(JsonNode c) {
    JsonNode def = c.get("definition");
    String text = def.isTextual() ? def.textValue() : Json.write(def);
    StatesEngine engine = engine(c);
    List<DefinitionValidator.Diagnostic> ds = engine.validateStateMachineDefinition(text, type(c));
    JsonNode expDiags = c.path("expected").path("diagnostics");
    if (ds.size() != expDiags.size()) {
      return "diagnostics " + ds + " != " + expDiags;
    }
    for (int i = 0; i < ds.size(); i++) {
      JsonNode e = expDiags.get(i);
      var d = ds.get(i);
      if (!e.path("code").asText().equals(d.code())
          || !Masking.textMatches(e.path("message").asText(), d.message())) {
        return "diagnostic " + d + " != " + e;
      }
    }
    return null;
  }

  private static String execution(JsonNode c, boolean sync) {
    JsonNode exp = c.path("expected");
    StatesEngine engine = engine(c);
    String smArn;
    try {
      if (c.get("definition") == null || c.get("definition").isNull()) {
        smArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:statemachine_invalid_x";
      } else {
        smArn =
            engine
                .machines()
                .createStateMachine(
                    "sm", Json.write(c.get("definition")), ROLE, type(c), false, null)
                .stateMachineArn();
      }
    } catch (StatesApiException e) {
      return apiError(exp, e);
    }
    ExecutionInfo info;
    try {
      String input = inputText(c);
      if (sync) {
        info = engine.executions().startSyncExecution(smArn, "exec", input);
      } else {
        String arn = engine.executions().startExecution(smArn, "exec", input).executionArn();
        info = engine.executions().awaitExecution(arn, CASE_TIMEOUT);
      }
    } catch (StatesApiException e) {
      return apiError(exp, e);
    }
    if (exp.path("status").asText().equals("API_ERROR")) {
      return "expected API error " + exp.path("error").asText();
    }
    List<HistoryEvent> history =
        sync ? List.of() : engine.executions().getExecutionHistory(info.executionArn());
    return compareExecution(c, exp, info, history);
  }

  private static String inputText(JsonNode c) {
    JsonNode in = c.get("input");
    if (in == null || in.isNull()) {
      return "{}";
    }
    if (in.isTextual()
        && "InvalidExecutionInput".equals(c.path("expected").path("error").asText())) {
      return in.textValue();
    }
    return Json.write(in);
  }

  private static String compareExecution(
      JsonNode c, JsonNode exp, ExecutionInfo info, List<HistoryEvent> hist) {
    String status = exp.path("status").asText();
    List<String> types = new ArrayList<>();
    hist.forEach(h -> types.add(h.type()));
    if (status.equals("INCOMPLETE_HISTORY")) {
      List<String> want = new ArrayList<>();
      exp.path("event_types").forEach(t -> want.add(t.asText()));
      return types.size() >= want.size() && types.subList(0, want.size()).equals(want)
          ? null
          : "history " + types + " does not start with " + want;
    }
    if (!status.equals(info.status().name())) {
      return "status "
          + info.status()
          + " != "
          + status
          + " (error="
          + info.error()
          + ", cause="
          + Masking.abbreviate(info.cause())
          + ")";
    }
    String d = Masking.diff(exp.get("output"), info.output(), "output");
    if (d == null && exp.has("error")) {
      d =
          Masking.diff(
              exp.get("error"),
              info.error() == null ? null : Json.F.textNode(info.error()),
              "error");
    }
    if (d == null && exp.has("cause") && !exp.get("cause").isNull()) {
      d =
          Masking.diff(
              exp.get("cause"),
              info.cause() == null ? null : Json.F.textNode(info.cause()),
              "cause");
    }
    if (d == null && c.path("history_event_types").size() > 0 && !hist.isEmpty()) {
      d = HistoryCompare.compare(c, types);
      if (d == null) {
        d = HistoryCompare.comparePrevious(c, hist);
      }
      if (d == null) {
        d = HistoryCompare.compareConcurrentDetails(c, hist);
      }
    }
    return d;
  }
}
