package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.EntryDecision;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.LiveCatalog;
import dev.waymark.core.journey.RecordingExecutions;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A journey document's dates and goals as the router applies them, against DynamoDB Local: no entry
 * before startsAt or from endsAt on (decided before the audience, with the reason in the trace and
 * a refusal counter), and a run reaches its goal once, by the first goal that matches.
 */
class JourneyDatesAndGoalsIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
  final EventBatchValidator validator = new EventBatchValidator();

  static JourneyDefinition journey(String id, String extra) {
    return JourneyDocuments.parseYaml(
            "id: "
                + id
                + "\nentry: { event: Signed Up }\n"
                + extra
                + "steps: [ { id: a, type: exit } ]\n",
            "",
            TemplateLookup.ANY)
        .definition();
  }

  InboundEvent event(String messageId, String name) {
    return validator
        .validate(
            "{\"batch\":[{\"type\":\"track\",\"messageId\":\""
                + messageId
                + "\",\"userId\":\"u\",\"event\":\""
                + name
                + "\"}]}",
            CLOCK.instant())
        .get(0);
  }

  @Test
  void entriesOutsideTheDatesAreRefusedBeforeTheAudienceWithTheReason() {
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), LocalDynamo.newTable());
    JourneyDefinition later = journey("later", "audience: [vip]\nstartsAt: 2026-12-01T00:00:00Z\n");
    JourneyDefinition over = journey("over", "audience: [vip]\nendsAt: 2026-11-24T09:00:00Z\n");
    List<String> started = new CopyOnWriteArrayList<>();
    JourneyRouter router =
        new JourneyRouter(
            new LiveCatalog(List.of(later, over)),
            store,
            new RecordingExecutions(started),
            check -> false,
            CLOCK);
    Profile person = Profile.create("p-1", List.of(), CLOCK.instant());

    router.onProcessed(new ProcessOutcome(person, true, 0, false), event("e-1", "Signed Up"));

    assertThat(started).isEmpty();
    assertThat(store.traces("p-1"))
        .extracting(t -> t.journeyId() + " " + t.decision() + ": " + t.reason())
        .containsExactlyInAnyOrder(
            "later not_started: journey starts at 2026-12-01T00:00:00Z",
            "over ended: journey ended at 2026-11-24T09:00:00Z");
    assertThat(store.counters("later", later.version()))
        .containsEntry(JourneyCounter.refused(EntryDecision.NOT_STARTED), 1L);
    assertThat(store.counters("over", over.version()))
        .containsEntry(JourneyCounter.refused(EntryDecision.ENDED), 1L);
  }

  @Test
  void aRunReachesItsGoalOnceByTheFirstGoalThatMatches() {
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), LocalDynamo.newTable());
    JourneyDefinition journey =
        journey(
            "two-goals",
            """
            goals:
              - { event: Order Completed, within: P7D, exitOnGoal: false }
              - { event: Test Drive Attended, within: P30D, exitOnGoal: false }
            """);
    List<String> started = new CopyOnWriteArrayList<>();
    JourneyRouter router =
        new JourneyRouter(
            new LiveCatalog(journey),
            store,
            new RecordingExecutions(started),
            check -> true,
            CLOCK);
    Profile person = Profile.create("p-2", List.of(), CLOCK.instant());
    ProcessOutcome outcome = new ProcessOutcome(person, true, 0, false);

    router.onProcessed(outcome, event("e-1", "Signed Up"));
    router.onProcessed(outcome, event("e-2", "Test Drive Attended"));
    router.onProcessed(outcome, event("e-3", "Order Completed"));

    assertThat(started).hasSize(1);
    assertThat(store.runs("p-2"))
        .singleElement()
        .satisfies(r -> assertThat(r.goalReachedAt()).isNotNull());
    assertThat(store.counters("two-goals", journey.version()))
        .containsEntry(JourneyCounter.GOAL, 1L);
    assertThat(store.traces("p-2"))
        .filteredOn(t -> t.decision().equals("reached"))
        .singleElement()
        .satisfies(t -> assertThat(t.reason()).startsWith("Test Drive Attended within P30D"));
  }
}
