package dev.waymark.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.ingest.ArrivalTimes;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.functions.authorizer.WriteKeyAuthorizerHandler;
import dev.waymark.functions.ingest.IngestHandler;
import dev.waymark.functions.journeys.JourneysHandler;
import dev.waymark.functions.journeys.UnsubscribeHandler;
import dev.waymark.functions.process.ProcessHandler;
import dev.waymark.functions.profiles.ProfilesHandler;
import dev.waymark.functions.segments.SegmentsHandler;
import dev.waymark.local.aws.EmailFeedback;
import dev.waymark.local.aws.LocalAwsServer;
import dev.waymark.local.aws.Outbox;
import dev.waymark.local.aws.OutboxRoutes;
import dev.waymark.local.clock.ClockFollower;
import dev.waymark.local.clock.ClockRoutes;
import dev.waymark.local.clock.VirtualClock;
import dev.waymark.local.http.HttpApiServer;
import dev.waymark.local.http.LocalRoutes;
import dev.waymark.local.http.SamApi;
import dev.waymark.local.journeys.LocalJourneys;
import dev.waymark.local.scheduler.LocalSchedulerRuntime;
import dev.waymark.local.secrets.LocalSigningSecret;
import dev.waymark.local.stream.StreamPoller;
import dev.waymark.local.webhooks.WebhookSinkRoutes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Waymark on one machine: DynamoDB Local with the table of template.yaml, the API routes of
 * template.yaml served over HTTP by the same handlers Lambda runs, the table's stream feeding the
 * process function, and a virtual clock every function reads.
 */
public final class LocalRuntime implements AutoCloseable {
  public static final String TABLE = "waymark-local";

  private final DynamoDbLocal dynamoLocal;
  private final DynamoDbClient dynamo;
  private final VirtualClock clock;
  private final WaymarkServices services;
  private final StreamPoller poller;
  private final HttpApiServer http;
  private final String writeKey;
  private final Outbox outbox;
  private final LocalAwsServer messaging;
  private final LocalJourneys journeys;
  private final LocalSchedulerRuntime scheduler;
  private final ClockFollower follower;

  private LocalRuntime(Options options) throws IOException {
    Path template = options.template().orElseGet(TemplateTable::findTemplate);
    useLocalCredentials();
    this.dynamoLocal =
        options.dynamoPort() == 0
            ? DynamoDbLocal.start()
            : DynamoDbLocal.start(options.dynamoPort());
    this.dynamo = dynamoLocal.client();
    TemplateTable.create(dynamo, template, TemplateTable.WAYMARK_TABLE, TABLE);
    this.clock =
        new VirtualClock(options.start().orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    this.follower = new ClockFollower(clock, Clock.systemUTC(), options.start().isEmpty());
    this.services = new WaymarkServices(dynamo, WaymarkConfig.local(TABLE), clock);
    this.writeKey = services.writeKeys().issue("local");
    Telemetry quiet = Telemetry.quiet();
    // the signing key (links, events cursors): random per start until the data folder keeps one
    KeyRing signingKeys = LocalSigningSecret.perStart().keyRing();
    Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
        new ConcurrentHashMap<>(
            Map.of(
                IngestHandler.class.getName(),
                    new IngestHandler(
                        services
                            .ingest()
                            .withArrivalTimes(ArrivalTimes.followingClient(Clock.systemUTC())),
                        services.writeKeys(),
                        quiet),
                ProfilesHandler.class.getName(), new ProfilesHandler(services, signingKeys, quiet),
                SegmentsHandler.class.getName(), new SegmentsHandler(services, quiet)));
    Map<String, RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>>>
        authorizers =
            Map.of(
                WriteKeyAuthorizerHandler.class.getName(),
                new WriteKeyAuthorizerHandler(services.writeKeys(), quiet));
    List<LocalRoutes> localRoutes =
        new CopyOnWriteArrayList<>(List.of(new ClockRoutes(clock, follower)));
    this.http =
        new HttpApiServer(
            "127.0.0.1",
            options.port(),
            SamApi.routes(template),
            handlers,
            authorizers,
            request -> {
              follower.catchUp(); // before every request: see ClockFollower
              return localRoutes.stream()
                  .map(r -> r.handle(request))
                  .flatMap(Optional::stream)
                  .findFirst();
            });
    this.outbox = new Outbox(clock);
    EmailFeedback feedback = new EmailFeedback(clock);
    this.messaging = new LocalAwsServer(outbox, feedback::report);
    this.journeys =
        new LocalJourneys(template, services, clock, messaging.endpoint(), baseUri(), signingKeys);
    feedback.deliverTo(journeys.services().feedback());
    localRoutes.add(new OutboxRoutes(outbox, feedback));
    localRoutes.add(new WebhookSinkRoutes(clock));
    handlers.put(JourneysHandler.class.getName(), new JourneysHandler(journeys.services(), quiet));
    handlers.put(
        UnsubscribeHandler.class.getName(), new UnsubscribeHandler(journeys.services(), quiet));
    String streamArn = dynamo.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
    this.poller =
        new StreamPoller(
            dynamoLocal.streamsClient(),
            streamArn,
            new ProcessHandler(
                Composition.processing(
                    services, journeys.services(), Composition.DEFAULT_PROCESS_CONCURRENCY),
                quiet));
    http.verifyRoutes();
    this.scheduler = LocalSchedulerRuntime.start(template, clock, services, quiet);
  }

  /**
   * The functions' AWS SDK clients find these through the default credential chain (system
   * properties).
   */
  private static void useLocalCredentials() {
    if (System.getProperty("aws.accessKeyId") == null) {
      System.setProperty("aws.accessKeyId", "local");
      System.setProperty("aws.secretAccessKey", "local");
    }
  }

  /**
   * @param port HTTP port (0 for any free port)
   * @param dynamoPort DynamoDB Local port (0 for any free port)
   * @param template template.yaml to serve (default: found from the working directory)
   * @param start the virtual clock's start, where it stands still until advanced (default: now, and
   *     the clock then follows real time until frozen or advanced; see ClockFollower)
   */
  public record Options(
      int port, int dynamoPort, Optional<Path> template, Optional<Instant> start) {
    public static Options defaults() {
      return new Options(3000, 0, Optional.empty(), Optional.empty());
    }

    public Options withPort(int newPort) {
      return new Options(newPort, dynamoPort, template, start);
    }

    public Options startingAt(Instant at) {
      return new Options(port, dynamoPort, template, Optional.of(at));
    }
  }

  public static LocalRuntime start(Options options) throws IOException {
    return new LocalRuntime(options);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  public URI dynamoEndpoint() {
    return dynamoLocal.endpoint();
  }

  public String writeKey() {
    return writeKey;
  }

  public VirtualClock clock() {
    return clock;
  }

  /** Whether the clock follows real time now (started without a fixed start, not frozen). */
  public boolean clockFollowsRealTime() {
    return follower.following();
  }

  /** Stops following real time: the clock stands still until advanced. */
  public void freezeClock() {
    follower.freeze();
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  /**
   * Waits until everything set in motion so far has settled: every accepted event processed (and
   * routed to journeys), and every run paused on a wait, a timer or a task token.
   */
  public void awaitProcessed() {
    for (int round = 0; round < 20; round++) {
      poller.awaitIdle();
      journeys.awaitQuiescence();

      if (poller.idleNow()) {
        return;
      }
    }
  }

  /**
   * Moves the virtual clock (firing due timers and schedules), then waits for everything to settle.
   */
  public void advance(java.time.Duration by) {
    follower.advance(by);
    awaitProcessed();
  }

  /** The journey services the local functions share (sends, templates, waits, the router). */
  public JourneyServices journeyServices() {
    return journeys.services();
  }

  /** The composition root the local functions share. */
  public WaymarkServices services() {
    return services;
  }

  /**
   * The local EventBridge Scheduler: its schedules fire on the virtual clock; its API is at {@code
   * scheduler().endpoint()}.
   */
  public LocalSchedulerRuntime scheduler() {
    return scheduler;
  }

  /** Every message sent so far, oldest first. */
  public Outbox outbox() {
    return outbox;
  }

  /** The local Step Functions endpoint (for an SfnClient, or the AWS CLI's --endpoint-url). */
  public URI sfnEndpoint() {
    return journeys.sfnEndpoint();
  }

  public int deadLetterCount() {
    return poller.deadLetters().size();
  }

  @Override
  public void close() {
    follower.close();
    scheduler.close();
    http.close();
    journeys.close();
    messaging.close();
    poller.close();
    dynamo.close();
    dynamoLocal.close();
  }
}
