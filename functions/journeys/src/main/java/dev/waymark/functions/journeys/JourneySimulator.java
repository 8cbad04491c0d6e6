package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.compile.TaskFunctions;
import dev.waymark.core.journey.publish.DocumentCompilation;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyVersion;
import dev.waymark.core.journey.simulate.ReadOnce;
import dev.waymark.core.journey.simulate.Replay;
import dev.waymark.core.journey.simulate.SimulationReport;
import dev.waymark.core.journey.simulate.SimulationRequest;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ProfileDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
  /** How many people one executor replays (see {@link Replayed}). */
  static final int GROUP = 25;

  /** How many groups are replayed at once. */
  static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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
    long read = System.nanoTime();
    Instant from = request.from().orElse(Replay.earliest(sample.timelines(), until));
    SimulationScratch scratch = SimulationScratch.of(journeys, sample.profiles().values());
    Map<String, SimulationReport.RunEnd> ends = new ConcurrentHashMap<>();
    List<List<String>> groups = groups(List.copyOf(sample.timelines().keySet()));
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    int events = 0;
    try {
      List<Future<Integer>> played = new ArrayList<>();
      for (List<String> group : groups) {
        Map<String, List<InboundEvent>> timelines = new LinkedHashMap<>();
        group.forEach(id -> timelines.put(id, sample.timelines().get(id)));
        Replayed replayed = new Replayed(journey, compiled.asl(), scratch);
        played.add(workers.submit(() -> replayed.play(timelines, until, ends)));
      }
      for (Future<Integer> p : played) {
        events += SimulationSample.joined(p);
      }
    } finally {
      workers.shutdownNow();
    }
    ObjectNode report =
        SimulationReport.of(
            journeyId,
            version,
            new SimulationReport.Sample(
                sample.source(), sample.profiles().size(), events, from, until),
            scratch.store(),
            scratch.sends(),
            scratch.steps(),
            run -> ends.get(run.runId()),
            request.person());
    long done = System.nanoTime();
    report.put("readMillis", (read - began) / 1_000_000);
    report.put("tookMillis", (done - began) / 1_000_000);
    return report;
  }

  /** The people in groups of {@link #GROUP}, in the order given. */
  private static List<List<String>> groups(List<String> ids) {
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += GROUP) {
      groups.add(ids.subList(i, Math.min(ids.size(), i + GROUP)));
    }
    return groups;
  }

  /**
   * One group of people replayed on an executor and clock of its own (the scratch stores are
   * shared): people do not affect one another's runs, and an executor's timers and waiting runs are
   * checked together, so small groups keep that cheap and can run side by side.
   */
  private record Replayed(JourneyDefinition journey, String asl, SimulationScratch scratch) {
    /** Replays the group; records how each of its runs ended in {@code ends}; how many events. */
    int play(
        Map<String, List<InboundEvent>> timelines,
        Instant until,
        Map<String, SimulationReport.RunEnd> ends) {
      Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> tasks =
          new ConcurrentHashMap<>();
      try (SimulatedEngine engine = new SimulatedEngine(Replay.earliest(timelines, until), tasks)) {
        scratch.wire(engine.javaClock(), tasks);
        String arn = engine.stateMachine("simulation-" + journey.id(), asl);
        JourneyRouter router =
            new JourneyRouter(
                catalog(journey, arn),
                scratch.store(),
                engine,
                check ->
                    ReadOnce.isMember(scratch.memberships(), check.profileId(), check.segmentId()),
                engine.javaClock());
        int events =
            new Replay(router, engine, id -> scratch.profiles().find(id).orElseThrow())
                .play(timelines, until);
        for (String id : timelines.keySet()) {
          scratch.store().runs(id).stream()
              .filter(run -> run.executionArn() != null)
              .forEach(run -> ends.put(run.runId(), engine.end(run.executionArn())));
        }
        return events;
      }
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
}
