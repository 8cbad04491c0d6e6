package dev.waymark.core.journey.compile;

import static dev.waymark.core.journey.compile.TestSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the compiler emits, state by state; the full texts are in the golden files. */
class JourneyCompilerTest {
  private static JsonNode states(CompiledJourney compiled) {
    return Json.parse(compiled.asl()).get("States");
  }

  @Test
  void theSameDocumentGivesByteIdenticalAsl() {
    for (var fixture : CompilerFixtures.all().entrySet()) {
      String first = fixture.getValue().compile().asl();
      String again = CompilerFixtures.all().get(fixture.getKey()).compile().asl();
      assertThat(again).as(fixture.getKey()).isEqualTo(first);
      assertThat(first).doesNotContain("\r").endsWith("}\n");
    }
  }

  @Test
  void aSendKeepsThePayloadOfTheHandWrittenDefinitions() {
    JsonNode states = states(CompilerFixtures.welcome().compile());
    assertThat(Json.write(states.get("send:confirmation-request").get("Arguments").get("Payload")))
        .isEqualTo(
            Json.write(
                Json.parse(
                    """
                    {"runId": "{% $states.context.Execution.Input.runId %}",
                     "journeyId": "{% $states.context.Execution.Input.journeyId %}",
                     "profileId": "{% $states.context.Execution.Input.profileId %}",
                     "stepId": "confirmation-request", "channels": ["email"],
                     "template": "confirmation-request", "topic": "service",
                     "entry": "{% $states.context.Execution.Input.entry %}",
                     "data": {"version": "{% $states.context.Execution.Input.version %}"},
                     "window": "any", "onDeferred": "error"}""")));
  }

  @Test
  void aSendIsOneTaskAndOnlyADeferredSendGoesThroughAWait() {
    JsonNode states = states(CompilerFixtures.welcome().compile());
    JsonNode send = states.get("send:confirmation-request");
    assertThat(send.get("Next").asText()).isEqualTo("await:confirmation");
    assertThat(states.has("send:confirmation-request:deferred")).isFalse();
    // the deferral is never retried (States.TaskFailed would match it): the Catch takes it
    assertThat(send.at("/Retry/0/ErrorEquals").toString()).isEqualTo("[\"Waymark.SendDeferred\"]");
    assertThat(send.at("/Retry/0/MaxAttempts").asInt()).isZero();
    assertThat(send.at("/Retry/1/ErrorEquals/2").asText()).isEqualTo("States.TaskFailed");
    assertThat(send.at("/Catch/0/ErrorEquals").toString()).isEqualTo("[\"Waymark.SendDeferred\"]");
    assertThat(send.at("/Catch/0/Output").asText())
        .isEqualTo("{% {'deferredUntil': $parse($states.errorOutput.Cause).errorMessage} %}");
    assertThat(send.at("/Catch/0/Next").asText()).isEqualTo("send:confirmation-request:window");
    JsonNode window = states.get("send:confirmation-request:window");
    assertThat(window.get("Timestamp").asText()).isEqualTo("{% $states.input.deferredUntil %}");
    assertThat(window.get("Next").asText()).isEqualTo("send:confirmation-request");
    // a last send ends the run itself
    assertThat(states.at("/send:welcome/End").asBoolean()).isTrue();
  }

  @Test
  void withoutAStartTheFirstStepListedStarts() {
    var listed = CompilerFixtures.welcome().document();
    var unstarted =
        new dev.waymark.core.journey.language.JourneyDocument(
            listed.definition(), null, listed.steps(), listed.source());
    assertThat(JourneyCompiler.compile(unstarted, CompilerFixtures.FUNCTIONS).asl())
        .isEqualTo(CompilerFixtures.welcome().compile().asl());
  }

  @Test
  void aPinnedTemplateVersionGoesInTheSendPayloadOnlyWhenPinned() {
    JsonNode states = states(CompilerFixtures.tour().compile());
    assertThat(states.at("/send:greet/Arguments/Payload/templateVersion").asText()).isEqualTo("3");
    assertThat(states.at("/send:nudge/Arguments/Payload").has("templateVersion")).isFalse();
    assertThat(CompilerFixtures.tour().compile().templateIds())
        .containsExactly("goodbye", "greeting", "nudge");
  }

  @Test
  void alsoChannelsAreSendsOfTheirOwnMadeInTheSameCall() {
    JsonNode states = states(CompilerFixtures.tour().compile());
    assertThat(states.get("send:greet").get("Next").asText()).isEqualTo("wait:pause");
    assertThat(states.has("send:greet.sms")).isFalse();
    JsonNode sms = states.at("/send:greet/Arguments/Payload/then/0");
    assertThat(sms.path("stepId").asText()).isEqualTo("greet.sms");
    assertThat(sms.path("channels").toString()).isEqualTo("[\"sms\"]");
    assertThat(sms.has("onDeferred")).isFalse();
  }

  @Test
  void consecutiveSendsAreOneTaskUnlessTheSecondHasAnotherWayIn() {
    JsonNode fused =
        states(
            JourneyCompiler.compile(
                journey("j", send("a", "t", "b"), send("b", "u", "c"), send("c", "v", null)),
                CompilerFixtures.FUNCTIONS,
                Map.of()));
    assertThat(fused.size()).isEqualTo(2); // send:a and its window
    assertThat(fused.at("/send:a/Arguments/Payload/then").findValuesAsText("stepId"))
        .containsExactly("b", "c");
    assertThat(fused.at("/send:a/End").asBoolean()).isTrue();
    JsonNode apart =
        states(
            JourneyCompiler.compile(
                journey(
                    "j",
                    waitFor("w", "Clicked", null, "PT1H", "a", "b"),
                    send("a", "t", "b"),
                    send("b", "u", null)),
                CompilerFixtures.FUNCTIONS,
                Map.of()));
    assertThat(apart.at("/send:a/Arguments/Payload").has("then")).isFalse();
    assertThat(apart.at("/send:a/Next").asText()).isEqualTo("send:b");
    assertThat(apart.at("/await:w/Catch/0/Next").asText()).isEqualTo("await:w:cancel");
  }

  @Test
  void aTimedOutWaitForGoesStraightToASendThatRecordsTheTimeOut() {
    JsonNode states = states(CompilerFixtures.welcome().compile());
    JsonNode await = states.get("await:confirmation");
    assertThat(await.get("TimeoutSeconds").asLong()).isEqualTo(172_800);
    assertThat(await.at("/Arguments/Payload/timeoutSeconds").asLong()).isEqualTo(172_800);
    assertThat(await.at("/Catch/0/Next").asText()).isEqualTo("send:reminder");
    assertThat(states.has("await:confirmation:cancel")).isFalse();
    assertThat(states.at("/send:reminder/Arguments/Payload/timedOut").toString())
        .isEqualTo(
            "{\"stepId\":\"confirmation\",\"version\":\"{% $states.context.Execution.Input.version %}\"}");
    assertThat(states.at("/send:welcome/Arguments/Payload").has("timedOut")).isFalse();
  }

  @Test
  void aTimedOutWaitForCancelsItsRegistrationWhenNoLoneSendFollows() {
    JsonNode states = states(CompilerFixtures.welcome().compile());
    // the time-out ends the run: the cancel Task records it and ends the run
    assertThat(states.at("/await:late-confirmation/Catch/0/Next").asText())
        .isEqualTo("await:late-confirmation:cancel");
    assertThat(states.at("/await:late-confirmation:cancel/Arguments/Payload/action").asText())
        .isEqualTo("cancel");
    assertThat(states.at("/await:late-confirmation:cancel/End").asBoolean()).isTrue();
    // a send with another way in keeps the cancel Task before it
    JsonNode shared =
        states(
            JourneyCompiler.compile(
                journey("j", waitFor("w", "Clicked", null, "PT1H", "s", "s"), send("s", "t", null)),
                CompilerFixtures.FUNCTIONS,
                Map.of()));
    assertThat(shared.at("/await:w/Catch/0/Next").asText()).isEqualTo("await:w:cancel");
    assertThat(shared.at("/await:w:cancel/Next").asText()).isEqualTo("send:s");
    assertThat(shared.at("/send:s/Arguments/Payload").has("timedOut")).isFalse();
  }

  @Test
  void aStepLeadingToAnExitEndsThereAndAChoiceGoesToTheExitState() {
    var compiled =
        JourneyCompiler.compile(
            journey(
                "j",
                send("a", "t", "b"),
                update("b", Map.of("x", 1), Map.of(), "done"),
                exit("done")),
            CompilerFixtures.FUNCTIONS,
            Map.of());
    JsonNode states = states(compiled);
    assertThat(states.at("/update:b/End").asBoolean()).isTrue();
    assertThat(states.has("exit:done")).isFalse();
    assertThat(states.has("end")).isFalse();
    assertThat(compiled.states()).isEqualTo(3);
    assertThat(states(CompilerFixtures.tour().compile()).at("/send:bye/End").asBoolean()).isTrue();
  }

  @Test
  void aDocumentTextThatLooksLikeAnExpressionStaysALiteral() {
    JsonNode hook = states(CompilerFixtures.tour().compile()).at("/webhook:hook/Arguments/Payload");
    assertThat(hook.path("body").asText())
        .startsWith("{% '{% if profile.traits.email %}")
        .endsWith("{% endif %}' %}");
    assertThat(hook.path("url").asText()).isEqualTo("https://crm.example.com/hooks/lease");
  }

  @Test
  void aPathWithoutNextStepEndsTheRunFromABranchOrASplit() {
    var compiled =
        JourneyCompiler.compile(
            journey(
                "j",
                branch(
                    "b", "s", trait("vip", dev.waymark.core.journey.FilterOp.EXISTS, null, null)),
                split("s", variant("a", 50, null), variant("b", 50, "x")),
                exit("x")),
            CompilerFixtures.FUNCTIONS,
            Map.of());
    JsonNode states = states(compiled);
    assertThat(states.at("/branch:b:next/Choices/0/Condition").asText())
        .isEqualTo("{% $type($states.input.next) != 'string' %}");
    assertThat(states.at("/branch:b:next/Choices/0/Next").asText()).isEqualTo("end");
    assertThat(states.at("/branch:b:next/Default").asText()).isEqualTo("split:s");
    assertThat(states.at("/split:s:next/Choices/0/Next").asText()).isEqualTo("exit:x");
    assertThat(states.at("/split:s:next/Default").asText()).isEqualTo("end");
    assertThat(states.at("/branch:b/Arguments/Payload/conditions/0").has("value")).isFalse();
  }

  @Test
  void theStateCountsAreThoseDocumented() {
    assertThat(CompilerFixtures.welcome().compile().states()).isEqualTo(9);
    assertThat(CompilerFixtures.tour().compile().states()).isEqualTo(15);
    assertThat(CompilerFixtures.calendar().compile().states()).isEqualTo(11);
  }

  @Test
  void everyStateNameIsReadableAndShortEnough() {
    for (var fixture : CompilerFixtures.all().values()) {
      CompiledJourney compiled = fixture.compile();
      List<String> names = new ArrayList<>();
      states(compiled).fieldNames().forEachRemaining(names::add);
      assertThat(names).hasSize(compiled.states());
      assertThat(names).allMatch(n -> n.length() <= 80 && n.matches("[a-z]+(:[a-z0-9.-]+)*"));
    }
  }

  @Test
  void aRepeatCountsInAVariableSetOnTheFirstState() {
    JsonNode tour = states(CompilerFixtures.tour().compile());
    assertThat(tour.at("/send:greet/Assign/repeat_again").asInt()).isZero();
    assertThat(tour.at("/repeat:again/Choices/0/Condition").asText())
        .isEqualTo("{% $repeat_again < 2 %}");
    assertThat(tour.at("/repeat:again/Choices/0/Next").asText()).isEqualTo("split:ab");
    // the first step is the repeat's target: a Pass state sets the counter once
    JsonNode calendar = Json.parse(CompilerFixtures.calendar().compile().asl());
    assertThat(calendar.get("StartAt").asText()).isEqualTo("start");
    assertThat(calendar.at("/States/start/Next").asText()).isEqualTo("wait:morning:until");
  }

  @Test
  void eachPassOfARepeatIsAStepOfItsOwnForTheLedgers() {
    JsonNode states =
        states(
            JourneyCompiler.compile(
                TestSteps.journey(
                    "nag",
                    TestSteps.send("remind", "reminder", "pause"),
                    TestSteps.waitSpan("pause", "P1D", "again"),
                    TestSteps.repeat("again", "remind", 3, "bye"),
                    TestSteps.send("bye", "goodbye", null)),
                CompilerFixtures.FUNCTIONS,
                java.util.Map.of()));
    assertThat(states.at("/send:remind/Arguments/Payload/stepId").asText())
        .isEqualTo("{% 'remind' & ($repeat_again > 0 ? '#' & $string($repeat_again) : '') %}");
    assertThat(states.at("/send:bye/Arguments/Payload/stepId").asText()).isEqualTo("bye");
    JsonNode tour = states(CompilerFixtures.tour().compile());
    assertThat(tour.at("/webhook:hook/Arguments/Payload/iteration").asText())
        .isEqualTo("{% $repeat_again %}");
    assertThat(tour.at("/send:bye/Arguments/Payload/iteration").isMissingNode()).isTrue();
  }

  @Test
  void waitsOfAFixedLengthOrInstantAreOneWaitState() {
    JsonNode tour = states(CompilerFixtures.tour().compile());
    assertThat(tour.at("/wait:pause/Seconds").asLong()).isEqualTo(3600);
    JsonNode calendar = states(CompilerFixtures.calendar().compile());
    assertThat(calendar.at("/wait:christmas/Timestamp").asText()).isEqualTo("2026-12-24T18:00:00Z");
    assertThat(calendar.has("wait:christmas:until")).isFalse();
    assertThat(calendar.at("/wait:month/Timestamp").asText())
        .contains("$states.context.State.EnteredTime");
  }
}
