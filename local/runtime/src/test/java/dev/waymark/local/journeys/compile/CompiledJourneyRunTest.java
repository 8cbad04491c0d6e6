package dev.waymark.local.journeys.compile;

import static dev.waymark.core.journey.compile.TestSteps.journey;
import static dev.waymark.core.journey.compile.TestSteps.waitSpan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.compile.CompilerFixtures;
import dev.waymark.core.journey.compile.JourneyCompiler;
import dev.waymark.core.journey.compile.TestSteps;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.local.journeys.compile.FakeTaskFunctions.Call;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.HistoryEvent;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compiled fixture journeys run on the executor with stand-in task functions: the states entered,
 * in order (each one state transition), and what the functions received. Time moves only when the
 * test advances the manual clock (or, for the calendar, jumps to the next timer).
 */
class CompiledJourneyRunTest {
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

  private EngineClock clock = new EngineClock(ClockMode.MANUAL, T0);
  private FakeTaskFunctions fns = new FakeTaskFunctions(clock);
  private StatesEngine engine = fns.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private void onSkipClock(Instant start) {
    engine.close();
    clock = new EngineClock(ClockMode.SKIP, start);
    fns = new FakeTaskFunctions(clock);
    engine = fns.engine();
  }

  private String start(CompilerFixtures.Fixture fixture) {
    return start(fixture.document(), fixture.templateVersions());
  }

  private String start(JourneyDocument doc, Map<String, String> templateVersions) {
    String asl = JourneyCompiler.compile(doc, CompilerFixtures.FUNCTIONS, templateVersions).asl();
    String machine =
        engine
            .machines()
            .createStateMachine("waymark-" + doc.definition().id(), asl)
            .stateMachineArn();
    String input =
        """
        {"journeyId": "%s", "version": "1", "runId": "run-1", "profileId": "p-1",
         "entry": {"event": "Configuration Started",
                   "properties": {"configurationId": "cfg-1", "price": 150}}}"""
            .formatted(doc.definition().id());
    String arn = engine.executions().startExecution(machine, "run-1", input).executionArn();
    settle();
    return arn;
  }

  private void settle() {
    assertThat(engine.awaitQuiescence(PATIENCE)).as("engine settled").isTrue();
  }

  private List<String> path(String arn) {
    return engine.executions().getExecutionHistory(arn).stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(HistoryEvent::details)
        .map(d -> d.path("name").asText())
        .toList();
  }

  /** The tour's states up to its waitFor when nothing is deferred, then {@code rest}. */
  private static List<String> greetedThenAwaited(String... rest) {
    List<String> path =
        new java.util.ArrayList<>(List.of("send:greet", "wait:pause", "await:quote"));
    path.addAll(List.of(rest));
    return path;
  }

  private ExecutionInfo finished(String arn) {
    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status())
        .as(info.error() + " " + info.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    return info;
  }

  @Test
  void aDeferredSendWaitsForItsWindowAndARepeatGoesBackAtMostMaxTimes() {
    // the SMS (an also channel, sent in the same call) is deferred: the call is made again
    fns.deferOnce("greet.sms").paths("decide", "ab").paths("ab", "mark", "hook", "hook");
    String arn = start(CompilerFixtures.tour());
    assertThat(path(arn)).endsWith("send:greet:window");

    clock.advance(Duration.ofHours(1)); // the window opens: sent, then the SMS, then the hour
    clock.advance(Duration.ofHours(1));
    assertThat(fns.last("await", "quote").path("correlate").path("value").asText())
        .isEqualTo("cfg-1");
    engine.tasks().sendTaskSuccess(fns.token("quote"), "{\"event\":\"Quote Requested\"}");
    settle();

    finished(arn);
    assertThat(path(arn))
        .containsExactly(
            "send:greet",
            "send:greet:window",
            "send:greet",
            "wait:pause",
            "await:quote",
            "branch:decide",
            "branch:decide:next",
            "split:ab",
            "split:ab:next",
            "update:mark",
            "webhook:hook",
            "repeat:again",
            "split:ab",
            "split:ab:next",
            "webhook:hook",
            "repeat:again",
            "split:ab",
            "split:ab:next",
            "webhook:hook",
            "repeat:again",
            "send:bye");
    assertThat(fns.calls("steps").stream().filter(c -> c.stepId().equals("hook")))
        .as("each pass through the loop is told apart")
        .extracting(c -> c.payload().path("iteration").asInt())
        .containsExactly(0, 1, 2);
    assertThat(fns.last("send", "greet").path("templateVersion").asText()).isEqualTo("3");
    assertThat(fns.last("send", "greet.sms").path("channels").toString()).isEqualTo("[\"sms\"]");
    assertThat(fns.last("steps", "hook").path("body").asText()).isEqualTo(TestSteps.LIQUID_BODY);
    assertThat(fns.last("steps", "mark").path("set").path("lastOffer").asText())
        .isEqualTo("lease-2027");
    assertThat(fns.last("send", "bye").at("/data/webhooks/hook/body/crmId").asText())
        .isEqualTo("crm-7");
    assertThat(fns.last("send", "bye").at("/data/version").asText()).isEqualTo("1");
    assertThat(fns.calls("send"))
        .extracting(Call::stepId)
        .as("the deferred call, then the same call once the window opened")
        .containsExactly("greet", "greet.sms", "greet", "greet.sms", "bye");
  }

  @Test
  void aTimedOutWaitForIsRecordedByTheNextSendAndAFailedWebhookTakesOnErrorWithoutRetrying() {
    fns.paths("decide", "mark");
    String arn = start(CompilerFixtures.tour());
    clock.advance(Duration.ofHours(1));
    assertThat(path(arn)).endsWith("await:quote");
    fns.failWebhook("hook");

    clock.advance(Duration.ofDays(1));

    finished(arn);
    assertThat(path(arn))
        .containsExactlyElementsOf(
            greetedThenAwaited(
                "send:nudge",
                "branch:decide",
                "branch:decide:next",
                "update:mark",
                "webhook:hook",
                "send:bye"));
    assertThat(fns.calls("await")).hasSize(1);
    assertThat(fns.last("send", "nudge").path("timedOut").path("stepId").asText())
        .isEqualTo("quote");
    assertThat(fns.calls("steps").stream().filter(c -> c.stepId().equals("hook"))).hasSize(1);
    assertThat(fns.last("send", "bye").at("/data/webhooks").toString()).isEqualTo("{}");
  }

  @Test
  void aBranchFollowsTheStepTheStepsFunctionChose() {
    fns.paths("decide", "bye");
    String arn = start(CompilerFixtures.tour());
    clock.advance(Duration.ofHours(1));
    engine.tasks().sendTaskSuccess(fns.token("quote"), "{}");
    settle();

    finished(arn);
    assertThat(path(arn))
        .containsExactlyElementsOf(
            greetedThenAwaited("branch:decide", "branch:decide:next", "send:bye"));
    JsonNode branch = fns.last("steps", "decide");
    assertThat(branch.path("conditions")).hasSize(4);
    assertThat(branch.path("default").asText()).isEqualTo("bye");
    assertThat(branch.path("entry").path("properties").path("price").asInt()).isEqualTo(150);
  }

  @Test
  void theWelcomeJourneyRunsAsTheHandWrittenOneDid() {
    String arn = start(CompilerFixtures.welcome());
    clock.advance(Duration.ofDays(2));
    assertThat(path(arn)).endsWith("await:late-confirmation");
    engine.tasks().sendTaskSuccess(fns.token("late-confirmation"), "{}");
    settle();

    finished(arn);
    assertThat(path(arn))
        .containsExactly(
            "send:confirmation-request",
            "await:confirmation",
            "send:reminder",
            "await:late-confirmation",
            "send:welcome");
    assertThat(fns.last("send", "confirmation-request").path("window").asText()).isEqualTo("any");
    assertThat(fns.first("await", "confirmation").path("timeoutSeconds").asLong())
        .isEqualTo(172_800);
    assertThat(fns.last("send", "reminder").path("timedOut").path("stepId").asText())
        .isEqualTo("confirmation");
  }

  @Test
  void calendarWaitsAndARepeatToTheFirstStepEndAfterMaxRounds() {
    Instant start = Instant.parse("2026-12-01T06:00:00Z");
    onSkipClock(start);
    fns.until("morning", "2026-12-01T09:00:00Z").until("before-lease", "2026-12-02T09:00:00Z");
    String arn = start(CompilerFixtures.calendar());
    ExecutionInfo info = engine.executions().awaitExecution(arn, PATIENCE);

    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<String> round =
        List.of(
            "wait:morning:until",
            "wait:morning",
            "wait:before-lease:until",
            "wait:before-lease",
            "wait:christmas",
            "wait:month",
            "await:renewal",
            "await:renewal:cancel",
            "repeat:again");
    assertThat(path(arn)).hasSize(2 + 4 * round.size()).startsWith("start").endsWith("end");
    assertThat(path(arn).subList(1, 1 + round.size())).isEqualTo(round);
    // Dec 24 18:00 + P1M (wait) + P1M (timeout) per round, four rounds
    assertThat(info.stopDate()).isEqualTo(Instant.parse("2027-08-24T18:00:00Z"));
    assertThat(fns.last("steps", "before-lease").path("until").toString())
        .isEqualTo("{\"timeOfDay\":\"09:00\",\"date\":\"traits.leaseEnd\",\"offset\":\"-P1D\"}");
  }

  @Test
  void aWaitOfCalendarMonthsEndsOnTheLastDayOfAShorterMonth() {
    onSkipClock(Instant.parse("2028-01-31T10:00:00Z"));
    String arn = start(journey("month-end", waitSpan("month", "P1M", null)), Map.of());
    ExecutionInfo info = engine.executions().awaitExecution(arn, PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.stopDate()).isEqualTo(Instant.parse("2028-02-29T10:00:00Z"));
  }
}
