package dev.waymark.aws.composition;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.AwsClients;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.deadletter.StreamFailureDescriptions;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.journey.SfnJourneyExecutions;
import dev.waymark.aws.secret.SigningKeySources;
import dev.waymark.aws.steps.StepServices;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.core.deadletter.DeadLetters;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.steps.StepTasks;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.profile.ExecutionStopper;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.secret.KeyRing;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * How each deployable is put together, in one place. A Lambda function's no-argument handler
 * constructor calls its method here once, at init; the local runtime calls {@link #processing} with
 * the services it built. Nothing registers itself: every listener is listed here, in order.
 */
public final class Composition {
  /** How many records of a batch are processed at once ({@code WAYMARK_PROCESS_CONCURRENCY}). */
  public static final int DEFAULT_PROCESS_CONCURRENCY = 8;

  private Composition() {}

  /**
   * What runs after each event is on its profile, in this order: the account links (a group call's
   * account traits and the person's link, so segments see them); the segment listeners (the
   * date-trait markers, then the segment evaluator: see {@code SegmentServices.listeners()}), so
   * that journeys see the memberships this event changed; then the journey router.
   */
  public static List<ProcessedEventListener> processedEventListeners(
      WaymarkServices core, JourneyServices journeys) {
    List<ProcessedEventListener> listeners = new ArrayList<>();
    listeners.add(core.accountLinks());
    listeners.addAll(core.segments().listeners());
    listeners.add(journeys.router());
    return List.copyOf(listeners);
  }

  /**
   * Processing with the listeners above; an event carrying the identity a click handed the site is
   * first given the person's identity ({@code ClickIdentities}, docs/clicks.md).
   */
  public static EventProcessing processing(
      WaymarkServices core, JourneyServices journeys, int concurrency) {
    return new EventProcessing(
        core.profiles(),
        processedEventListeners(core, journeys),
        concurrency,
        journeys.clickIdentities());
  }

  /**
   * What the process function runs on: the processing and the dead letters it notes failures in.
   */
  public record ProcessGraph(EventProcessing processing, DeadLetters deadLetters) {}

  /** ProcessFunction: core and journey services from the environment, and their listeners. */
  public static ProcessGraph processFunction() {
    Map<String, String> env = System.getenv();
    WaymarkServices core = WaymarkServices.fromEnvironment();
    return new ProcessGraph(
        processing(
            core,
            new JourneyServices(core, JourneyConfig.from(env)),
            Integer.parseInt(
                env.getOrDefault(
                    "WAYMARK_PROCESS_CONCURRENCY", Integer.toString(DEFAULT_PROCESS_CONCURRENCY)))),
        core.deadLetters());
  }

  /** What DeadLetterFunction runs on: the dead letters, and the stream its messages describe. */
  public record DeadLetterGraph(DeadLetters deadLetters, StreamFailureDescriptions descriptions) {}

  /**
   * DeadLetterFunction (the consumer of ProcessFunction's dead-letter queue): the core services'
   * dead letters and a client of the table's stream, from the environment.
   */
  public static DeadLetterGraph deadLetterFunction() {
    WaymarkConfig config = WaymarkConfig.fromEnvironment();
    WaymarkServices core =
        primed(
            new WaymarkServices(AwsClients.dynamoDb(config), config, java.time.Clock.systemUTC()));
    return new DeadLetterGraph(
        core.deadLetters(), new StreamFailureDescriptions(AwsClients.dynamoDbStreams(config)));
  }

  /** The core services and the link-signing keys, for a function that needs no journey services. */
  public record CoreAndKeys(WaymarkServices core, KeyRing signingKeys) {}

  /**
   * ProfilesFunction: the core services from the environment, and the signing keys its events
   * cursors are signed and checked with (the secret {@code WAYMARK_SIGNING_SECRET_ARN} names, read
   * on the first cursor issued or given).
   */
  public static CoreAndKeys profilesFunction() {
    WaymarkServices core = primed(WaymarkServices.fromEnvironment());
    return new CoreAndKeys(
        core,
        SigningKeySources.keyRing(JourneyConfig.from(System.getenv()), core.config().region()));
  }

  /**
   * IngestFunction, WriteKeyAuthorizer, SegmentsFunction, SegmentDueChecksFunction,
   * DateTriggerFunction, AudienceScheduleFunction: the core services (with segments) from the
   * environment; no listeners run in these.
   */
  public static WaymarkServices coreFunction() {
    return primed(WaymarkServices.fromEnvironment());
  }

  /**
   * Registers the SnapStart primer every function shares (docs/performance.md#cold-starts): the
   * lookup of an identity nobody has, one read (the identity item) through the function's own
   * DynamoDB client and adapters, so that the SDK's request path (marshalling, signing, the HTTP
   * client) is loaded and warm in the snapshot. It writes nothing.
   */
  private static WaymarkServices primed(WaymarkServices core) {
    SnapStartPriming.register(
        () -> core.profiles().lookup(Identity.of(IdentityNamespace.USER_ID, "snapstart-priming")));
    return core;
  }

  /**
   * ProfilesFunction's erasure: stops an erased person's running journey runs on Step Functions (a
   * client built once, at init; {@code WAYMARK_SFN_ENDPOINT} overrides the endpoint locally).
   */
  public static ExecutionStopper erasureStopper() {
    Map<String, String> env = System.getenv();
    SfnClient sfn =
        JourneyServices.client(
                SfnClient.builder(),
                WaymarkConfig.from(env),
                Optional.ofNullable(env.get("WAYMARK_SFN_ENDPOINT"))
                    .filter(s -> !s.isBlank())
                    .map(URI::create))
            .build();
    return erasureStopper(new SfnJourneyExecutions(sfn));
  }

  /** How erasure stops a run: with an error and cause that say why, and no personal data. */
  public static ExecutionStopper erasureStopper(JourneyExecutions executions) {
    return arn -> executions.stop(arn, "Waymark.Erased", "the person was erased");
  }

  /**
   * StepFunction (the journey steps task function: wait until, branch, split, update, webhook): the
   * journey services from the environment and the steps' adapters.
   */
  public static StepTasks stepFunction() {
    return StepServices.tasks(journeyFunction(), System.getenv());
  }

  /**
   * JourneysFunction, UnsubscribeFunction, FeedbackFunction and the journey task functions (Send,
   * Await, ProfileFacts): core and journey services from the environment (the signing keys from the
   * secret {@code WAYMARK_SIGNING_SECRET_ARN} names, read on first use); no listeners run in these.
   */
  public static JourneyServices journeyFunction() {
    JourneyServices journeys =
        new JourneyServices(
            primed(WaymarkServices.fromEnvironment()), JourneyConfig.from(System.getenv()));
    // Liquid is parsed on first use (TemplateRenderer): check a template's syntax, which reads
    // and writes nothing, so that the snapshot holds the parser
    SnapStartPriming.register(
        () -> TemplateRenderer.isValidLiquid("Hi {{ profile.firstName | default: 'there' }}"));
    return journeys;
  }
}
