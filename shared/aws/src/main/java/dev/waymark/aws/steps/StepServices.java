package dev.waymark.aws.steps;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.journey.steps.Branching;
import dev.waymark.core.journey.steps.JourneySecrets;
import dev.waymark.core.journey.steps.Splits;
import dev.waymark.core.journey.steps.StepLedger;
import dev.waymark.core.journey.steps.StepTasks;
import dev.waymark.core.journey.steps.TraitUpdates;
import dev.waymark.core.journey.steps.WebhookClient;
import dev.waymark.core.journey.steps.WebhookTargets;
import dev.waymark.core.journey.steps.Webhooks;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The steps task function's services wired to their adapters: the steps ledger and the journey
 * secrets on the table, {@link HttpWebhookClient}, and the core and journey services it shares with
 * the other journey task functions.
 */
public final class StepServices {
  /**
   * {@code WAYMARK_WEBHOOKS_ALLOW_LOCAL=true} lets webhook steps call http://localhost and private
   * addresses: the local runtime sets it, a deployed stack never does.
   */
  public static final String ALLOW_LOCAL_WEBHOOKS = "WAYMARK_WEBHOOKS_ALLOW_LOCAL";

  private StepServices() {}

  /** The steps tasks from the function environment (see {@link #ALLOW_LOCAL_WEBHOOKS}). */
  public static StepTasks tasks(JourneyServices journeys, Map<String, String> env) {
    return tasks(journeys, env, Thread::sleep);
  }

  /** The same with a given wait between webhook attempts (the local runtime does not wait). */
  public static StepTasks tasks(
      JourneyServices journeys, Map<String, String> env, Webhooks.Sleeper sleeper) {
    WaymarkServices core = journeys.core();
    // the JDK HTTP client (its selector thread, ~1,000 classes) is built on the first webhook call,
    // not at init: most step invocations are waits, branches and updates
    Lazy<HttpWebhookClient> webhooks = Lazy.of(HttpWebhookClient::create);
    return tasks(
        journeys,
        JourneyConfig.from(env).defaultZone(),
        new DynamoStepLedger(core.dynamo(), core.config().table(), core.clock()),
        new DynamoJourneySecrets(core.dynamo(), core.config().table()),
        request -> webhooks.get().call(request),
        WebhookTargets.of(Boolean.parseBoolean(env.getOrDefault(ALLOW_LOCAL_WEBHOOKS, "false"))),
        sleeper);
  }

  /** The steps tasks with the given adapters (tests pass a recording sleeper, a test client). */
  public static StepTasks tasks(
      JourneyServices journeys,
      ZoneId defaultZone,
      StepLedger ledger,
      JourneySecrets secrets,
      WebhookClient client,
      WebhookTargets targets,
      Webhooks.Sleeper sleeper) {
    WaymarkServices core = journeys.core();
    Clock clock = core.clock();
    return new StepTasks(
        core.profiles(),
        journeys.store(),
        defaultZone,
        clock,
        new Branching(
            ledger,
            core.profiles(),
            core.segments().memberships(),
            journeys.messageLog(),
            journeys.store(),
            clock),
        new Splits(ledger, journeys.store(), clock),
        new TraitUpdates(core.profiles(), ledger, core.inbox(), clock),
        new Webhooks(client, secrets, targets, sleeper, core.profiles(), clock));
  }
}
