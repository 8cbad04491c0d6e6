package dev.waymark.aws.journey;

import static dev.waymark.aws.journey.PublishingFixture.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.journey.EntryDecision;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.WaitRegistration;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Publishing journeys as state machine versions, and what pause, resume, stop and archive do. */
class JourneyPublisherIT {
  final PublishingFixture f;
  final Profile sarah = Profile.create("p-sarah", List.of(), PublishingFixture.CLOCK.instant());

  JourneyPublisherIT() throws Exception {
    f = new PublishingFixture();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void publishingTwiceMakesVersionsOneAndTwoWithTheAliasOnTwo() {
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    JourneyPublisher.Published first = f.publisher.publish("test-drive");
    assertThat(first.created()).isTrue();
    assertThat(first.version().version()).isEqualTo(1);
    assertThat(first.webhookSecret()).get().asString().matches("[0-9a-f]{64}");

    JourneyPublisher.Published again = f.publisher.publish("test-drive");
    assertThat(again.created()).isFalse();
    assertThat(again.version().version()).isEqualTo(1);
    assertThat(again.webhookSecret()).isEmpty();

    f.publisher.saveDraft("test-drive", document("test-drive", "second"));
    JourneyPublisher.Published second = f.publisher.publish("test-drive");
    assertThat(second.version().version()).isEqualTo(2);
    assertThat(second.webhookSecret()).isEmpty();
    assertThat(second.version().stateMachineVersionArn())
        .isNotEqualTo(first.version().stateMachineVersionArn());

    JourneyRecord journey = f.publisher.get("test-drive");
    assertThat(journey.state()).isEqualTo(JourneyState.live);
    assertThat(journey.liveVersion()).isEqualTo(2);
    assertThat(journey.webhookSecret()).isEqualTo(first.webhookSecret().orElseThrow());
    assertThat(journey.aliasArn()).endsWith(":stateMachine:waymark-test-drive:live");
    assertThat(
            f.sfn
                .describeStateMachineAlias(r -> r.stateMachineAliasArn(journey.aliasArn()))
                .routingConfiguration())
        .singleElement()
        .satisfies(
            route ->
                assertThat(route.stateMachineVersionArn())
                    .isEqualTo(second.version().stateMachineVersionArn()));
    assertThat(f.publisher.versions("test-drive"))
        .extracting(v -> v.version())
        .containsExactly(1, 2);
    assertThat(f.catalog.find("test-drive").orElseThrow().version()).isEqualTo("2");
  }

  @Test
  void aRunStartedOnVersionOneFinishesOnVersionOneAfterVersionTwoIsPublished() {
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    String v1 = f.publisher.publish("test-drive").version().stateMachineVersionArn();
    f.book(sarah, "booking-1");
    f.settle();
    JourneyRun run = f.store.runs(sarah.id()).get(0);
    assertThat(run.version()).isEqualTo("1");

    f.publisher.saveDraft("test-drive", document("test-drive", "second"));
    String v2 = f.publisher.publish("test-drive").version().stateMachineVersionArn();
    Profile tom = Profile.create("p-tom", List.of(), PublishingFixture.CLOCK.instant());
    f.book(tom, "booking-2");
    f.settle();
    f.engine.clock().advance(Duration.ofHours(2));

    DescribeExecutionResponse first = describe(run.executionArn());
    assertThat(first.stateMachineVersionArn()).isEqualTo(v1);
    assertThat(first.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(first.output()).isEqualTo("\"first\"");
    JourneyRun tomsRun = f.store.runs(tom.id()).get(0);
    assertThat(tomsRun.version()).isEqualTo("2");
    DescribeExecutionResponse second = describe(tomsRun.executionArn());
    assertThat(second.stateMachineVersionArn()).isEqualTo(v2);
    assertThat(second.output()).isEqualTo("\"second\"");
  }

  @Test
  void aPausedJourneyRefusesEntriesSayingWhyAndTakesThemAgainWhenResumed() {
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    f.publisher.publish("test-drive");
    assertThat(f.publisher.pause("test-drive").state()).isEqualTo(JourneyState.paused);
    assertConflict(() -> f.publisher.pause("test-drive"));

    f.book(sarah, "booking-1");

    assertThat(f.store.runs(sarah.id())).isEmpty();
    assertThat(f.store.traces(sarah.id()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.decision()).isEqualTo("paused");
              assertThat(t.reason()).isEqualTo("journey paused");
            });
    assertThat(f.store.counters("test-drive", "1"))
        .containsEntry(JourneyCounter.refused(EntryDecision.PAUSED), 1L);

    assertThat(f.publisher.resume("test-drive").state()).isEqualTo(JourneyState.live);
    assertConflict(() -> f.publisher.resume("test-drive"));
    f.book(sarah, "booking-2");
    assertThat(f.store.runs(sarah.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.executionArn()).isNotNull());
  }

  @Test
  void stoppingEndsAWaitingRunClaimsItsWaitsAndRefusesEntries() {
    JourneyRun run = bookedRun();
    f.store.registerWait(
        new WaitRegistration(
            sarah.id(),
            run.runId(),
            "await-visit",
            "test-drive",
            "1",
            new EventMatcher("Test Drive Attended", List.of()),
            null,
            null,
            "token-1",
            PublishingFixture.CLOCK.instant().plus(Duration.ofDays(3))));
    assertThat(f.store.runningRuns("test-drive"))
        .extracting(JourneyRun::runId)
        .containsExactly(run.runId());

    JourneyPublisher.Stopped stopped = f.publisher.stop("test-drive");

    assertThat(stopped.runsStopped()).isEqualTo(1);
    assertThat(stopped.journey().state()).isEqualTo(JourneyState.stopped);
    assertThat(describe(run.executionArn()).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(f.store.waitsOfRun(sarah.id(), run.runId())).isEmpty();
    assertThat(f.store.runs(sarah.id()).get(0).status()).isEqualTo(JourneyRun.RunStatus.stopped);
    assertThat(f.store.runningRuns("test-drive")).isEmpty();
    assertThat(f.store.counters("test-drive", "1"))
        .containsEntry(JourneyCounter.STOPPED, 1L)
        .containsEntry(JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.stopped), 1L);
    assertThat(f.publisher.stop("test-drive").runsStopped()).isZero();

    f.book(sarah, "booking-2");
    assertThat(f.store.runs(sarah.id())).hasSize(1);
    assertThat(f.store.traces(sarah.id()))
        .anySatisfy(t -> assertThat(t.reason()).isEqualTo("journey stopped"));
  }

  @Test
  void aRunThatEndedByItselfIsRecordedAsCompletedWhenItsJourneyStops() {
    bookedRun();
    f.engine.clock().advance(Duration.ofHours(2));

    assertStopRecords(JourneyRun.RunStatus.completed);
  }

  @Test
  void aRunWhoseExecutionStepFunctionsForgotIsRecordedAsEndedWhenItsJourneyStops() {
    JourneyRun run = bookedRun();
    f.engine.clock().advance(Duration.ofHours(1).plus(Duration.ofDays(90)));
    assertThat(f.executions.status(run.executionArn())).isEqualTo(JourneyExecutions.FORGOTTEN);

    assertStopRecords(JourneyRun.RunStatus.ended);
  }

  /** Sarah's run of the published test-drive journey, waiting its hour. */
  private JourneyRun bookedRun() {
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    f.publisher.publish("test-drive");
    f.book(sarah, "booking-1");
    f.settle();
    return f.store.runs(sarah.id()).get(0);
  }

  /** Stopping the journey stops no run and records Sarah's as {@code status}. */
  private void assertStopRecords(JourneyRun.RunStatus status) {
    assertThat(f.publisher.stop("test-drive").runsStopped()).isZero();
    assertThat(f.store.runs(sarah.id()).get(0).status()).isEqualTo(status);
    assertThat(f.store.runningRuns("test-drive")).isEmpty();
  }

  @Test
  void archivingHidesTheJourneyAndTakesItOutOfTheCatalog() {
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    f.publisher.saveDraft("car-loan", document("car-loan", "loan"));
    f.publisher.publish("test-drive");
    assertThat(f.catalog.journeys()).extracting(j -> j.id()).containsExactly("test-drive");

    assertThat(f.publisher.archive("test-drive").journey().state())
        .isEqualTo(JourneyState.archived);

    assertThat(f.publisher.list(false)).extracting(JourneyRecord::id).containsExactly("car-loan");
    assertThat(f.publisher.list(true))
        .extracting(JourneyRecord::id)
        .containsExactly("car-loan", "test-drive");
    assertThat(f.catalog.journeys()).isEmpty();
    assertConflict(() -> f.publisher.pause("test-drive"));
  }

  @Test
  void draftsAreCheckedAndStateConflictsAre409s() {
    assertThatThrownBy(() -> f.publisher.saveDraft("test-drive", document("other", "x")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors()).extracting(x -> x.field()).containsExactly("/id");
            });
    assertThatThrownBy(() -> f.publisher.publish("test-drive"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    f.publisher.saveDraft("test-drive", document("test-drive", "first"));
    assertConflict(() -> f.publisher.pause("test-drive"));
    assertConflict(() -> f.publisher.resume("test-drive"));
    assertConflict(() -> f.publisher.stop("test-drive"));
    assertThat(f.publisher.get("test-drive").state()).isEqualTo(JourneyState.draft);
  }

  private DescribeExecutionResponse describe(String executionArn) {
    return f.sfn.describeExecution(r -> r.executionArn(executionArn));
  }

  private static void assertConflict(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
  }
}
