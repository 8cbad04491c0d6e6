package dev.waymark.core.journey.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.InternalEvents;
import dev.waymark.core.send.SendWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journey language read from YAML and JSON: every step type, entry form and policy. */
class JourneyDocumentsTest {
  static String resource(String name) {
    try (InputStream in = JourneyDocumentsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String EVERY_STEP = resource("/journey-language/every-step.yaml");

  static JourneyDocument everyStep() {
    return JourneyDocuments.parseYaml(EVERY_STEP, "every-step.yaml", TemplateLookup.ANY);
  }

  @Test
  void readsTheJourneyPolicies() {
    JourneyDefinition d = everyStep().definition();

    assertThat(d.id()).isEqualTo("every-step");
    assertThat(d.priority()).isEqualTo(90);
    assertThat(d.entry().event()).isEqualTo("Test Drive Booked");
    assertThat(d.entry().filters())
        .containsExactly(new FieldFilter("properties.startsAt", FilterOp.EXISTS, null));
    assertThat(d.audience()).containsExactly("app-installed");
    assertThat(d.eligibility()).isEqualTo(JourneyDefinition.Eligibility.once);
    assertThat(d.lock()).map(Object::toString).contains("P7D");
    assertThat(d.entryCap()).map(c -> c.count() + "/" + c.within()).contains("4/P90D");
    assertThat(d.holdoutPercent()).isEqualTo(10);
    assertThat(d.goals()).hasSize(2);
    assertThat(d.goals().get(0).event().filters()).hasSize(1);
    assertThat(d.goals().get(1).exitOnGoal()).isFalse();
    assertThat(d.startsAt()).contains(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(d.endsAt()).contains(Instant.parse("2027-03-01T00:00:00Z"));
    assertThat(d.sample().path("profile").path("traits").path("email").asText())
        .isEqualTo("sarah@example.com");
    assertThat(d.version()).isEqualTo("draft");
  }

  @Test
  void readsEveryStepType() {
    JourneyDocument doc = everyStep();
    assertThat(doc.start()).isEqualTo("confirmation");
    assertThat(doc.step("confirmation"))
        .contains(
            new Step.Send(
                "confirmation",
                List.of(Channel.push, Channel.email),
                List.of(Channel.sms),
                "test-drive-confirmation",
                Optional.of("service"),
                new SendWindow(LocalTime.of(7, 0), LocalTime.of(12, 0)),
                Optional.empty(),
                Optional.of("settle")));
    Step.Wait settle = (Step.Wait) doc.step("settle").orElseThrow();
    assertThat(settle.duration()).map(Object::toString).contains("PT30M");
    Step.Until morning = ((Step.Wait) doc.step("morning").orElseThrow()).until().orElseThrow();
    assertThat(morning.timeOfDay()).contains(LocalTime.of(9, 0));
    Step.Until dayBefore = ((Step.Wait) doc.step("day-before").orElseThrow()).until().orElseThrow();
    assertThat(dayBefore.date()).contains("entry.properties.startsAt");
    assertThat(dayBefore.offset()).map(Object::toString).contains("-P1D");
    Step.Until christmas = ((Step.Wait) doc.step("christmas").orElseThrow()).until().orElseThrow();
    assertThat(christmas.instant()).contains(Instant.parse("2026-12-24T18:00:00Z"));
    Step.WaitFor quote = (Step.WaitFor) doc.step("quote").orElseThrow();
    assertThat(quote.correlate()).contains("properties.configurationId");
    assertThat(quote.successors()).containsExactly("decide", "reminder");
    assertThat(((Step.Send) doc.step("reminder").orElseThrow()).window())
        .isEqualTo(SendWindow.ANY_TIME);
    Step.Branch decide = (Step.Branch) doc.step("decide").orElseThrow();
    assertThat(decide.conditions())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "TraitCondition", "EntryCondition", "SegmentCondition", "MessageCondition");
    assertThat(decide.conditions().get(2))
        .isEqualTo(new Step.SegmentCondition("app-installed", false, Optional.of("mark")));
    assertThat(decide.conditions().get(3))
        .isEqualTo(
            new Step.MessageCondition("confirmation", Step.Engagement.opened, Optional.of("hook")));
    assertThat(decide.otherwise()).contains("done");
    Step.Split ab = (Step.Split) doc.step("ab").orElseThrow();
    assertThat(ab.variants()).extracting(Step.Variant::name).containsExactly("a", "b");
    Step.Update mark = (Step.Update) doc.step("mark").orElseThrow();
    assertThat(mark.set()).containsKeys("lastOffer", "vip");
    assertThat(mark.increment()).containsEntry("offersSent", 1.0);
    Step.Webhook hook = (Step.Webhook) doc.step("hook").orElseThrow();
    assertThat(hook.method()).isEqualTo("POST");
    assertThat(hook.headers()).containsEntry("X-Source", "waymark");
    assertThat(hook.timeout().duration()).hasSeconds(10);
    assertThat(hook.retries()).isEqualTo(2);
    assertThat(hook.successors()).containsExactly("again", "done");
    assertThat(doc.step("again"))
        .contains(new Step.Repeat("again", "decide", 3, Optional.of("done")));
    assertThat(doc.step("done")).contains(new Step.Exit("done"));
  }

  @Test
  void yamlAndJsonGiveTheSameDocument() {
    JsonNode json = Json.parse(Json.write(SafeYaml.load(EVERY_STEP, "every-step.yaml")));
    assertThat(JourneyDocuments.parseJson(json, TemplateLookup.ANY)).isEqualTo(everyStep());
  }

  @Test
  void aDocumentRoundTripsThroughItsSource() {
    JourneyDocument doc = everyStep();
    JourneyDocument again =
        JourneyDocuments.parseJson(Json.parse(Json.write(doc.source())), TemplateLookup.ANY);
    assertThat(again).isEqualTo(doc);
    assertThat(again.source()).isEqualTo(doc.source());
  }

  @Test
  void eachEntryFormIsTheMatcherOfAnInternalEvent() {
    assertThat(entryOf("segment: { id: vip, on: entered }"))
        .isEqualTo(matcher(InternalEvents.SEGMENT_ENTERED, "segmentId", "vip"));
    assertThat(entryOf("segment: { id: vip, on: exited }"))
        .isEqualTo(matcher(InternalEvents.SEGMENT_EXITED, "segmentId", "vip"));
    assertThat(entryOf("dateTrait: { trait: leaseEnd, offset: -P90D }"))
        .isEqualTo(new DateTrigger("leaseEnd", -90, false).matcher());
    assertThat(entryOf("dateTrait: { trait: birthday, offset: P0D, yearly: true }"))
        .isEqualTo(new DateTrigger("birthday", 0, true).matcher());
    assertThat(entryOf("dateTrait: { trait: warrantyEnd, offset: -P2W }"))
        .isEqualTo(new DateTrigger("warrantyEnd", -14, false).matcher());
    assertThat(entryOf("schedule: reactivation-weekly"))
        .isEqualTo(
            matcher(InternalEvents.AUDIENCE_SCHEDULE_FIRED, "scheduleId", "reactivation-weekly"));
    assertThat(entryOf("api: true"))
        .isEqualTo(matcher(InternalEvents.JOURNEY_ENTRY_REQUESTED, "journeyId", "j"));
    assertThat(everyStep().acceptsApiEntries()).isFalse();
  }

  private static EventMatcher entryOf(String form) {
    String yaml = "id: j\nentry: { " + form + " }\nsteps: [ { id: a, type: exit } ]\n";
    JourneyDocument doc = JourneyDocuments.parseYaml(yaml, "", TemplateLookup.ANY);
    assertThat(doc.acceptsApiEntries()).isEqualTo(form.startsWith("api"));
    return doc.definition().entry();
  }

  /** {@code <event>} with {@code properties.<property> equals <value>}. */
  private static EventMatcher matcher(String event, String property, String value) {
    return DefinitionReader.matcher(event, property, value);
  }

  @Test
  void reportsEveryErrorAtOnce() {
    String yaml =
        """
        id: j
        priority: high
        entry: { event: X }
        steps:
          - { id: a, type: wait, duration: soon, next: nope }
          - { id: b, type: exit }
        """;
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class,
            () -> JourneyDocuments.parseYaml(yaml, "j.yaml", TemplateLookup.ANY));
    assertThat(refused.problem().detail()).isEqualTo("invalid journey document j.yaml");
    assertThat(refused.problem().errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("/priority", "/steps/0/duration", "/steps/0/next", "/steps/1");
  }

  @Test
  void aRealTemplateLookupChecksTheTemplateAndItsPartsPerChannel() {
    TemplateLookup templates =
        id ->
            id.equals("email-only")
                ? Optional.of(
                    new dev.waymark.core.message.MessageTemplate(
                        "j",
                        "email-only",
                        java.util.Map.of("subject", "Hi", "text", "Hello"),
                        Optional.empty()))
                : Optional.empty();
    String yaml =
        """
        id: j
        entry: { event: X }
        steps:
          - { id: a, type: send, channels: [push, email], also: [sms], template: email-only, next: b }
          - { id: b, type: send, channels: [email], template: missing }
        """;
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class, () -> JourneyDocuments.parseYaml(yaml, "", templates));
    assertThat(refused.problem().errors())
        .containsExactlyInAnyOrder(
            new FieldError(
                "/steps/0/channels/0",
                "step \"a\": template \"email-only\" has no push part (pushBody)"),
            new FieldError(
                "/steps/0/also/0", "step \"a\": template \"email-only\" has no sms part (sms)"),
            new FieldError(
                "/steps/1/template", "step \"b\": template \"missing\" is not a template"));
    assertThat(JourneyDocuments.parseYaml(yaml, "", TemplateLookup.ANY).steps()).hasSize(2);
  }

  @Test
  void yamlPlainScalarsAreJsonScalars() {
    String yaml =
        """
        id: j
        entry: { segment: { id: vip, on: entered } }
        startsAt: 2026-12-01T09:00:00Z
        steps:
          - { id: a, type: send, channels: [email], template: t, window: { from: 12:00, to: 18:30 } }
        """;
    JourneyDocument doc = JourneyDocuments.parseYaml(yaml, "", TemplateLookup.ANY);
    assertThat(doc.source().path("entry").path("segment").path("on").asText()).isEqualTo("entered");
    assertThat(doc.source().path("startsAt").asText()).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(((Step.Send) doc.steps().get(0)).window())
        .isEqualTo(new SendWindow(LocalTime.of(12, 0), LocalTime.of(18, 30)));
  }

  @Test
  void validDocumentsAreValidForTheSchemaToo() {
    JourneySchema schema = new JourneySchema();
    assertThat(schema.errors(SafeYaml.load(EVERY_STEP, ""))).isEmpty();
    for (JsonNode c : BadJourneyDocumentsTest.cases("/journey-language/good-documents.yaml")) {
      String yaml = c.path("document").asText();
      JourneyDocument doc = JourneyDocuments.parseYaml(yaml, "", TemplateLookup.ANY);
      assertThat(schema.errors(doc.source())).as(c.path("name").asText()).isEmpty();
    }
  }
}
