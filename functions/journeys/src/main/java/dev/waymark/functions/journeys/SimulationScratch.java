package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.WaitService;
import dev.waymark.core.journey.simulate.ReadOnce;
import dev.waymark.core.journey.simulate.ScratchCodePools;
import dev.waymark.core.journey.simulate.ScratchJourneyStore;
import dev.waymark.core.journey.simulate.ScratchProfiles;
import dev.waymark.core.journey.simulate.ScratchSends;
import dev.waymark.core.journey.simulate.ScratchSteps;
import dev.waymark.core.journey.steps.Branching;
import dev.waymark.core.journey.steps.Splits;
import dev.waymark.core.journey.steps.StepTasks;
import dev.waymark.core.journey.steps.TraitUpdates;
import dev.waymark.core.journey.steps.WebhookTargets;
import dev.waymark.core.journey.steps.Webhooks;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.SegmentMemberships;
import dev.waymark.core.send.SendService;
import dev.waymark.core.send.SeparateSendRecords;
import dev.waymark.core.send.Suppressions;
import dev.waymark.functions.journeytasks.AwaitTaskHandler;
import dev.waymark.functions.journeytasks.SendTaskHandler;
import dev.waymark.functions.journeytasks.StepTaskHandler;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * Everything one simulation keeps: the scratch stores its runs write to (journey state, sends,
 * steps, the sampled profiles) and the live stores it reads, each thing read once ({@link
 * ReadOnce}); and how the journey task handlers are built over them for an executor's clock.
 */
record SimulationScratch(
    JourneyServices journeys,
    ScratchJourneyStore store,
    ScratchSends sends,
    ScratchSteps steps,
    ScratchProfiles profiles,
    TemplateStore templates,
    Suppressions suppressions,
    SegmentMemberships memberships) {

  static SimulationScratch of(JourneyServices journeys, Collection<Profile> sample) {
    ScratchJourneyStore store = new ScratchJourneyStore();
    return new SimulationScratch(
        journeys,
        store,
        new ScratchSends(),
        new ScratchSteps(store),
        new ScratchProfiles(sample),
        ReadOnce.templates(journeys.templates().store()),
        ReadOnce.suppressions(journeys.suppressions()),
        ReadOnce.memberships(journeys.core().segments().memberships()));
  }

  /**
   * The send, wait-for-event and steps handlers over these stores on {@code clock} (an executor's),
   * put in {@code handlers} under the names the compiled definition calls.
   */
  void wire(
      Clock clock, Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlers) {
    JourneyConfig config = journeys.config();
    ProfileService people = new ProfileService(profiles, clock);
    SendService send =
        new SendService(
            people,
            templates,
            journeys.templates().renderer(),
            sends,
            new SeparateSendRecords(
                sends, suppressions, sends, store, journeys.templates().layouts()::html),
            sends,
            store,
            config.caps(),
            journeys.unsubscribe(),
            journeys.clicks(),
            config.defaultZone(),
            clock,
            new ScratchCodePools(journeys.codePools()));
    WaitService waits = new WaitService(people, store, clock);
    StepTasks stepTasks =
        new StepTasks(
            people,
            store,
            config.defaultZone(),
            clock,
            new Branching(steps, people, memberships, sends, store, clock),
            new Splits(steps, store, clock),
            new TraitUpdates(people, steps, steps, clock),
            new Webhooks(steps, steps, WebhookTargets.of(true), wait -> {}, people, clock));
    Telemetry quiet = Telemetry.quiet();
    handlers.put(SimulatedEngine.SEND, new SendTaskHandler(send, waits, quiet));
    handlers.put(SimulatedEngine.AWAIT, new AwaitTaskHandler(waits, quiet));
    handlers.put(SimulatedEngine.STEPS, new StepTaskHandler(stepTasks, quiet));
  }
}
