package dev.waymark.local.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.StaticJourneyCatalog;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.functions.journeytasks.AwaitTaskHandler;
import dev.waymark.functions.journeytasks.ProfileFactsHandler;
import dev.waymark.functions.journeytasks.SendTaskHandler;
import dev.waymark.local.clock.VirtualClock;
import dev.waymark.local.functions.LocalFunctions;
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
 * Functions endpoint, every state machine of template.yaml created on it (with a version and the
 * alias {@code live}, as the stack does), the shipped templates published to the template store,
 * the journey task functions registered for its Lambda tasks, and the journey services — whose own
 * SDK clients talk to the local Step Functions, SES and SNS endpoints.
 */
public final class LocalJourneys implements AutoCloseable {
  private final StatesEngine engine;
  private final StatesHttpServer endpoint;
  private final JourneyServices services;

  public LocalJourneys(
      Path template, WaymarkServices core, VirtualClock clock, URI messagingEndpoint, URI publicUrl)
      throws IOException {
    Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> tasks = new HashMap<>();
    Map<String, String> functions = SamStateMachines.functions(template);
    this.engine =
        StatesEngine.builder()
            .clock(clock.engineClock())
            .lambdaResolver(LocalFunctions.resolver(functions, tasks))
            .build();
    this.endpoint = StatesHttpServer.start(engine, "127.0.0.1", 0);
    URI sfnEndpoint = URI.create(endpoint.endpoint());
    Map<String, String> aliases = deploy(template, sfnEndpoint);
    Map<String, String> env = new HashMap<>();
    aliases.forEach(
        (journeyId, arn) -> env.put(StaticJourneyCatalog.environmentVariable(journeyId), arn));
    env.put("WAYMARK_SFN_ENDPOINT", sfnEndpoint.toString());
    env.put("WAYMARK_SES_ENDPOINT", messagingEndpoint.toString());
    env.put("WAYMARK_SNS_ENDPOINT", messagingEndpoint.toString());
    env.put("WAYMARK_PUBLIC_URL", publicUrl.toString());
    env.put("WAYMARK_FROM_ADDRESS", "carvelo@example.com");
    this.services = new JourneyServices(core, JourneyConfig.from(env));
    ShippedTemplates.publish(LocalJourneys.class.getClassLoader(), services.templates());
    Telemetry quiet = Telemetry.quiet();
    tasks.put(SendTaskHandler.class.getName(), new SendTaskHandler(services.send(), quiet));
    tasks.put(AwaitTaskHandler.class.getName(), new AwaitTaskHandler(services.waits(), quiet));
    tasks.put(ProfileFactsHandler.class.getName(), new ProfileFactsHandler(core.profiles(), quiet));
  }

  /**
   * Creates each state machine of the template on the local endpoint, publishes a version, points
   * "live" at it.
   */
  private static Map<String, String> deploy(Path template, URI sfnEndpoint) {
    Map<String, String> aliases = new HashMap<>();
    try (SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(sfnEndpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(DynamoDbLocal.localCredentials())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      for (SamStateMachines.Machine machine : SamStateMachines.machines(template)) {
        String arn =
            sfn.createStateMachine(
                    r ->
                        r.name(machine.logicalId())
                            .definition(machine.definition())
                            .roleArn("arn:aws:iam::" + SamStateMachines.ACCOUNT + ":role/local"))
                .stateMachineArn();
        String version =
            sfn.publishStateMachineVersion(r -> r.stateMachineArn(arn)).stateMachineVersionArn();
        String alias =
            sfn.createStateMachineAlias(
                    r ->
                        r.name("live")
                            .routingConfiguration(
                                c -> c.stateMachineVersionArn(version).weight(100)))
                .stateMachineAliasArn();
        aliases.put(machine.journeyId(), alias);
      }
    }
    return aliases;
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
