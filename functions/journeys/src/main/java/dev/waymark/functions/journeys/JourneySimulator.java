package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.WaitService;
import dev.waymark.core.journey.compile.TaskFunctions;
import dev.waymark.core.journey.publish.DocumentCompilation;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyVersion;
import dev.waymark.core.journey.simulate.Replay;
import dev.waymark.core.journey.simulate.ScratchJourneyStore;
import dev.waymark.core.journey.simulate.ScratchProfiles;
import dev.waymark.core.journey.simulate.ScratchSends;
import dev.waymark.core.journey.simulate.ScratchSteps;
import dev.waymark.core.journey.simulate.SimulationReport;
import dev.waymark.core.journey.simulate.SimulationRequest;
import dev.waymark.core.journey.steps.Branching;
import dev.waymark.core.journey.steps.Splits;
import dev.waymark.core.journey.steps.StepTasks;
import dev.waymark.core.journey.steps.TraitUpdates;
import dev.waymark.core.journey.steps.WebhookTargets;
import dev.waymark.core.journey.steps.Webhooks;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.send.SendService;
import dev.waymark.functions.journeytasks.AwaitTaskHandler;
import dev.waymark.functions.journeytasks.SendTaskHandler;
import dev.waymark.functions.journeytasks.StepTaskHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/journeys/{id}/simulate}: runs the draft (or a published version) of a journey
 * against the recorded timelines of a sample of people, on a States Language executor of its own in
 * virtual time ({@link SimulatedEngine}), with the real router, send, wait and step services over
 * scratch stores ({@code core.journey.simulate}): consent, suppression, caps, windows and holdouts
 * decide as in a real run; nothing is sent, nothing is written to the table (profiles, timelines,
 * templates, suppressions and segment memberships are only read), no execution is started on Step
 * Functions. See docs/journeys.md#simulating-a-draft.
 */
final class JourneySimulator {
  private final JourneyServices journeys;
  private final ProfileDirectory directory;

  JourneySimulator(JourneyServices journeys, ProfileDirectory directory) {
    this.journeys = journeys;
    this.directory = directory;
  }

  ObjectNode simulate(String journeyId, JsonNode body, String person) {
    long began = System.nanoTime();
    JourneyPublisher.checkId(journeyId);
    SimulationRequest request = SimulationRequest.parse(body, person);
    JourneyRecord record = journeys.publisher().get(journeyId);
    JsonNode document;
    Map<String, String> pins;
    String version;
    if (request.draft()) {
      if (record.draft() == null) {
        throw ProblemException.invalidField("/version", "journey " + journeyId + " has no draft");
      }
      document = record.draft();
      pins = Map.of();
      version = "draft";
    } else {
      JourneyVersion published = journeys.publisher().version(journeyId, request.version().get());
      document = published.document();
      pins = published.templateVersions();
      version = String.valueOf(published.version());
    }
    JourneyCompilation.Compiled compiled =
        new DocumentCompilation(
                new TaskFunctions(
                    SimulatedEngine.SEND, SimulatedEngine.AWAIT, SimulatedEngine.STEPS),
                journeys.templates().lookup())
            .compile(document, pins);
    JourneyDefinition journey = compiled.definition().withVersion(version);
    WaymarkServices core = journeys.core();
    Instant until = request.until().orElse(core.clock().instant());
    SimulationSample sample = SimulationSample.read(core, directory, request, until);
    Instant from = request.from().orElse(Replay.earliest(sample.timelines(), until));
    ScratchJourneyStore store = new ScratchJourneyStore();
    ScratchSends sends = new ScratchSends();
    ScratchSteps steps = new ScratchSteps(store);
    ScratchProfiles profiles = new ScratchProfiles(sample.profiles().values());
    Tasks tasks = new Tasks();
    try (SimulatedEngine engine = new SimulatedEngine(from, tasks.handlers)) {
      tasks.wire(engine.javaClock(), profiles, store, sends, steps);
      String arn = engine.stateMachine("simulation-" + journeyId, compiled.asl());
      JourneyRouter router =
          new JourneyRouter(
              catalog(journey, arn),
              store,
              engine,
              check -> core.segments().isMember(check.profileId(), check.segmentId()),
              engine.javaClock());
      int events =
          new Replay(router, engine, id -> profiles.find(id).orElseThrow())
              .play(sample.timelines(), until);
      ObjectNode report =
          SimulationReport.of(
              journeyId,
              version,
              new SimulationReport.Sample(
                  sample.source(), sample.profiles().size(), events, from, until),
              store,
              sends,
              steps,
              run -> engine.end(run.executionArn()),
              request.person());
      report.put("tookMillis", (System.nanoTime() - began) / 1_000_000);
      return report;
    }
  }

  /** The one journey being simulated, taking entries. */
  private static JourneyCatalog catalog(JourneyDefinition journey, String stateMachineArn) {
    return new JourneyCatalog() {
      @Override
      public List<JourneyDefinition> journeys() {
        return List.of(journey);
      }

      @Override
      public Optional<JourneyDefinition> find(String journeyId) {
        return journey.id().equals(journeyId) ? Optional.of(journey) : Optional.empty();
      }

      @Override
      public JourneyState state(String journeyId) {
        return JourneyState.live;
      }

      @Override
      public String stateMachineArn(String journeyId) {
        return stateMachineArn;
      }
    };
  }

  /**
   * The journey task functions over the scratch stores, made once the engine's clock exists: the
   * handlers the engine calls by {@link SimulatedEngine#SEND}, {@link SimulatedEngine#AWAIT} and
   * {@link SimulatedEngine#STEPS}.
   */
  private final class Tasks {
    final Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlers =
        new java.util.concurrent.ConcurrentHashMap<>();

    void wire(
        Clock clock,
        ScratchProfiles scratch,
        ScratchJourneyStore store,
        ScratchSends sends,
        ScratchSteps steps) {
      JourneyConfig config = journeys.config();
      ProfileService profiles = new ProfileService(scratch, clock);
      SendService send =
          new SendService(
              profiles,
              journeys.templates().store(),
              journeys.templates().renderer(),
              sends,
              journeys.suppressions(),
              sends,
              sends,
              store,
              config.caps(),
              journeys.unsubscribe(),
              config.defaultZone(),
              clock);
      WaitService waits = new WaitService(profiles, store, clock);
      StepTasks stepTasks =
          new StepTasks(
              profiles,
              store,
              config.defaultZone(),
              clock,
              new Branching(
                  profiles, journeys.core().segments().memberships(), sends, store, clock),
              new Splits(steps, store, clock),
              new TraitUpdates(profiles, steps, steps, clock),
              new Webhooks(steps, steps, WebhookTargets.of(true), wait -> {}, profiles, clock));
      Telemetry quiet = Telemetry.quiet();
      handlers.put(SimulatedEngine.SEND, new SendTaskHandler(send, waits, quiet));
      handlers.put(SimulatedEngine.AWAIT, new AwaitTaskHandler(waits, quiet));
      handlers.put(SimulatedEngine.STEPS, new StepTaskHandler(stepTasks, quiet));
    }
  }
}
