package dev.waymark.local.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.journey.SfnStateMachineRegistry;
import dev.waymark.aws.steps.StepServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.publish.ShippedJourneys;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.functions.journeytasks.AwaitTaskHandler;
import dev.waymark.functions.journeytasks.ProfileFactsHandler;
import dev.waymark.functions.journeytasks.SendTaskHandler;
import dev.waymark.functions.journeytasks.StepTaskHandler;
import dev.waymark.local.clock.VirtualClock;
import dev.waymark.local.faults.Faults;
import dev.waymark.local.functions.LocalFunctions;
import dev.waymark.local.latency.PipelineProbe;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.api.StatesHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Journeys on one machine: the States Language executor on the virtual clock behind its Step
 * Functions endpoint, the journey task functions registered for its Lambda tasks, and the journey
 * services — whose own SDK clients talk to the local Step Functions, SES and SNS endpoints. At
 * start the shipped templates are put in the template store and every shipped journey is published
 * through the publish path, as the deploy does: a state machine {@code waymark-<id>} per journey, a
 * version, and the alias {@code live} (on a data folder, the versions the table records are created
 * again first: {@link StateMachineRestore}). Webhook steps may call the local runtime's own {@code
 * /_local/webhooks} (http to 127.0.0.1); they retry without waiting between attempts.
 */
public final class LocalJourneys implements AutoCloseable {
  private final StatesEngine engine;
  private final StatesHttpServer endpoint;
  private final JourneyServices services;

  /**
   * The hosts a click link may redirect to locally unless {@code WAYMARK_CLICK_HOSTS} says
   * otherwise: the shipped templates' sites and this machine (docs/clicks.md).
   */
  public static final String LOCAL_CLICK_HOSTS = "example.com,*.example.com,localhost,127.0.0.1";

  /**
   * @param signingKeys signs and checks unsubscribe links (and other signed tokens)
   * @param faults the task faults injected into the task functions
   * @param probe marks StartExecution calls' arrival and the send task's invocation
   */
  public LocalJourneys(
      Path template,
      WaymarkServices core,
      VirtualClock clock,
      URI messagingEndpoint,
      URI publicUrl,
      KeyRing signingKeys,
      Faults faults,
      PipelineProbe probe)
      throws IOException {
    Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> tasks = new HashMap<>();
    Map<String, String> functions = SamStateMachines.functions(template);
    this.engine =
        StatesEngine.builder()
            .clock(clock.engineClock())
            .lambdaResolver(LocalFunctions.resolver(functions, tasks, faults))
            .build();
    this.endpoint =
        StatesHttpServer.start(
            engine,
            "127.0.0.1",
            0,
            operation -> {
              if (operation.equals("StartExecution")) {
                probe.mark(PipelineProbe.Stage.STARTED);
              }
            });
    URI sfnEndpoint = URI.create(endpoint.endpoint());
    Map<String, String> env = new HashMap<>();
    env.put("WAYMARK_SFN_ENDPOINT", sfnEndpoint.toString());
    // one process: the router's catalog is read afresh after every publish, pause or stop made
    // here (DynamoJourneyCatalog.forgettingOnSave), so it need not be read on every event
    env.put("WAYMARK_JOURNEY_CACHE_SECONDS", "86400");
    env.put("WAYMARK_SES_ENDPOINT", messagingEndpoint.toString());
    env.put("WAYMARK_SNS_ENDPOINT", messagingEndpoint.toString());
    env.put("WAYMARK_PUBLIC_URL", publicUrl.toString());
    env.put("WAYMARK_FROM_ADDRESS", "carvelo@example.com");
    env.put(
        "WAYMARK_CLICK_HOSTS",
        System.getenv().getOrDefault("WAYMARK_CLICK_HOSTS", LOCAL_CLICK_HOSTS));
    JourneyConfig config = JourneyConfig.from(env);
    this.services = new JourneyServices(core, config, signingKeys);
    ShippedTemplates.publish(LocalJourneys.class.getClassLoader(), services.templates());
    Telemetry quiet = Telemetry.quiet();
    tasks.put(
        SendTaskHandler.class.getName(),
        probe.around(
            PipelineProbe.Stage.TASK,
            null,
            new SendTaskHandler(services.send(), services.waits(), quiet)));
    tasks.put(AwaitTaskHandler.class.getName(), new AwaitTaskHandler(services.waits(), quiet));
    tasks.put(ProfileFactsHandler.class.getName(), new ProfileFactsHandler(core.profiles(), quiet));
    env.put(StepServices.ALLOW_LOCAL_WEBHOOKS, "true");
    tasks.put(
        StepTaskHandler.class.getName(),
        new StepTaskHandler(StepServices.tasks(services, env, wait -> {}), quiet));
    try (SfnClient sfn = localSfn(sfnEndpoint)) {
      StateMachineRestore.restore(
          services.publisher(), new SfnStateMachineRegistry(sfn), config.roleArn());
    }
    ShippedJourneys.publishAll(services.publisher(), LocalJourneys.class.getClassLoader());
  }

  private static SfnClient localSfn(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(DynamoDbLocal.localCredentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public JourneyServices services() {
    return services;
  }

  public StatesEngine engine() {
    return engine;
  }

  public URI sfnEndpoint() {
    return URI.create(endpoint.endpoint());
  }

  /** Waits until no execution can make progress without an event or the clock. */
  public boolean awaitQuiescence() {
    return engine.awaitQuiescence(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
