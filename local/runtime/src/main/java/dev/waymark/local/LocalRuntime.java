package dev.waymark.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.deadletter.DynamoDeadLetterStore;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.aws.dynamo.DynamoProfileStore;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.deadletter.DeadLetters;
import dev.waymark.core.ingest.ArrivalTimes;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.functions.authorizer.WriteKeyAuthorizerHandler;
import dev.waymark.functions.ingest.IngestHandler;
import dev.waymark.functions.journeys.ClickHandler;
import dev.waymark.functions.journeys.JourneysHandler;
import dev.waymark.functions.journeys.UnsubscribeHandler;
import dev.waymark.functions.process.ProcessHandler;
import dev.waymark.functions.profiles.ProfilesHandler;
import dev.waymark.functions.segments.SegmentsHandler;
import dev.waymark.local.aws.DeliveryReportRoutes;
import dev.waymark.local.aws.EmailFeedback;
import dev.waymark.local.aws.LocalAwsServer;
import dev.waymark.local.aws.Outbox;
import dev.waymark.local.aws.OutboxRoutes;
import dev.waymark.local.clock.ClockFollower;
import dev.waymark.local.clock.ClockRoutes;
import dev.waymark.local.clock.VirtualClock;
import dev.waymark.local.console.ConsoleRoutes;
import dev.waymark.local.data.ClockKeeper;
import dev.waymark.local.data.DataFolder;
import dev.waymark.local.data.LocalSecrets;
import dev.waymark.local.faults.FaultRoutes;
import dev.waymark.local.faults.Faults;
import dev.waymark.local.faults.FaultyDynamoHttp;
import dev.waymark.local.http.HttpApiServer;
import dev.waymark.local.http.LocalRoutes;
import dev.waymark.local.http.SamApi;
import dev.waymark.local.journeys.LocalJourneys;
import dev.waymark.local.latency.PipelineProbe;
import dev.waymark.local.scheduler.LocalSchedulerRuntime;
import dev.waymark.local.secrets.LocalSigningSecret;
import dev.waymark.local.stream.SettleRoute;
import dev.waymark.local.stream.StreamPoller;
import dev.waymark.local.stream.StreamPositions;
import dev.waymark.local.webhooks.WebhookSinkRoutes;
import dev.waymark.states.clock.EngineClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
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
  private final EventProcessing processing;
  private volatile boolean closed;
  private final HttpApiServer http;
  private final String writeKey;
  private final Outbox outbox;
  private final LocalAwsServer messaging;
  private final LocalJourneys journeys;
  private final LocalSchedulerRuntime scheduler;
  private final ClockFollower follower;
  private final Faults faults;
  private final DynamoDbClient platform;
  private final FaultyDynamoHttp faultyDynamo;
  private final Optional<DataFolder> data;
  private final LocalSecrets secrets;
  private final PipelineProbe probe = new PipelineProbe();

  private LocalRuntime(Options options) throws IOException {
    Path template = options.template().orElseGet(TemplateTable::findTemplate);
    useLocalCredentials();
    this.data = options.data().map(folder -> DataFolder.open(folder, options.fresh()));
    this.secrets = data.map(DataFolder::secrets).orElseGet(LocalSecrets::ephemeral);
    this.dynamoLocal =
        data.isPresent()
            ? DynamoDbLocal.startIn(data.get().dynamo())
            : options.dynamoPort() == 0
                ? DynamoDbLocal.start()
                : DynamoDbLocal.start(options.dynamoPort());
    // the platform's own calls (table set-up, setting a dead letter aside as the event source
    // mapping does) use a client faults are not injected into; the functions use the faulty one
    this.platform = dynamoLocal.client();
    TemplateTable.createIfAbsent(platform, template, TemplateTable.WAYMARK_TABLE, TABLE);
    this.faults = new Faults();
    this.faultyDynamo = new FaultyDynamoHttp(UrlConnectionHttpClient.create(), faults);
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(dynamoLocal.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(DynamoDbLocal.localCredentials())
            .httpClient(faultyDynamo)
            // the SDK's standard mode, 3 attempts (Lambda's default for DynamoDB is 9): injected
            // faults reach the stream's retries and the dead letters, not only the SDK's retries
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(3)
                            .build()))
            .build();
    Optional<ClockKeeper.Saved> saved = data.flatMap(d -> ClockKeeper.read(d.clockFile()));
    this.clock =
        new VirtualClock(
            saved
                .map(ClockKeeper.Saved::now)
                .or(options::start)
                .orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    this.follower =
        saved.isPresent()
            ? new ClockFollower(clock, Clock.systemUTC(), saved.get().lead())
            : new ClockFollower(clock, Clock.systemUTC(), options.start().isEmpty());
    data.ifPresent(d -> keepClock(d, clock, follower));
    this.services = new WaymarkServices(dynamo, WaymarkConfig.local(TABLE), clock);
    this.writeKey =
        data.isPresent()
            ? data.get()
                .writeKey(
                    key -> services.writeKeys().authenticate("Bearer " + key).isPresent(),
                    () -> services.writeKeys().issue("local"))
            : services.writeKeys().issue("local");
    Telemetry quiet = Telemetry.quiet();
    // the signing key (links, events cursors): made once per data folder and kept there (random
    // per start without one)
    LocalSigningSecret signing = () -> secrets.bytes("signing");
    KeyRing signingKeys = signing.keyRing();
    Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
        new ConcurrentHashMap<>(
            Map.of(
                IngestHandler.class.getName(),
                wakesPoller(
                    new IngestHandler(
                        services
                            .ingest()
                            .withArrivalTimes(ArrivalTimes.followingClient(Clock.systemUTC())),
                        services.writeKeys(),
                        quiet)),
                SegmentsHandler.class.getName(),
                new SegmentsHandler(services, quiet)));
    Map<String, RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>>>
        authorizers =
            Map.of(
                WriteKeyAuthorizerHandler.class.getName(),
                new WriteKeyAuthorizerHandler(services.writeKeys(), quiet));
    List<LocalRoutes> localRoutes =
        new CopyOnWriteArrayList<>(
            List.of(new ClockRoutes(clock, follower), new FaultRoutes(faults, this::retries)));
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
    this.outbox = new Outbox(clock, data.map(DataFolder::outboxFile));
    outbox.afterEachMessage(() -> probe.mark(PipelineProbe.Stage.SENT));
    EmailFeedback feedback = new EmailFeedback(clock);
    this.messaging = new LocalAwsServer(outbox, feedback::report, faults);
    this.journeys =
        new LocalJourneys(
            template, services, clock, messaging.endpoint(), baseUri(), signingKeys, faults, probe);
    feedback.deliverTo(journeys.services().feedback());
    localRoutes.add(new OutboxRoutes(outbox, feedback));
    localRoutes.add(new DeliveryReportRoutes(outbox, journeys.services().feedback(), clock));
    localRoutes.add(new WebhookSinkRoutes(clock));
    localRoutes.add(new ConsoleRoutes());
    handlers.put(JourneysHandler.class.getName(), new JourneysHandler(journeys.services(), quiet));
    handlers.put(
        UnsubscribeHandler.class.getName(), new UnsubscribeHandler(journeys.services(), quiet));
    handlers.put(ClickHandler.class.getName(), new ClickHandler(journeys.services(), quiet));
    handlers.put(
        ProfilesHandler.class.getName(),
        new ProfilesHandler(
            services,
            signingKeys,
            Composition.erasureStopper(journeys.services().executions()),
            quiet));
    String streamArn = dynamo.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
    DeadLetters setAside = platformDeadLetters(platform, clock);
    this.processing =
        Composition.processing(
            services, journeys.services(), Composition.DEFAULT_PROCESS_CONCURRENCY);
    this.poller =
        new StreamPoller(
            dynamoLocal.streamsClient(),
            streamArn,
            probe.around(
                PipelineProbe.Stage.DELIVERED,
                PipelineProbe.Stage.PROCESSED,
                new ProcessHandler(processing, services.deadLetters(), quiet)),
            messageId -> setAside.setAside(messageId, "the retries were spent"),
            data.map(d -> StreamPositions.keptIn(d.streamPositionFile()))
                .orElseGet(StreamPositions::inMemory));
    http.verifyRoutes();
    this.scheduler = LocalSchedulerRuntime.start(template, clock, journeys.services(), quiet);
    clock.settleWith(this::awaitProcessed); // each instant of an advance settles before the next
    localRoutes.add(new SettleRoute(this::awaitProcessed, this::deadLetterCount));
  }

  /**
   * The ingest function as the local runtime serves it: once it has accepted events (their inbox
   * puts are done) the stream poller polls at once instead of at the end of its 20 ms pause, and
   * the latency probe marks the acceptance.
   */
  private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> wakesPoller(
      IngestHandler ingest) {
    return (event, context) -> {
      APIGatewayV2HTTPResponse response = ingest.handleRequest(event, context);
      probe.mark(PipelineProbe.Stage.ACCEPTED);
      if (poller != null) {
        poller.pollNow();
      }
      return response;
    };
  }

  /** Saves the clock in the data folder now and on every change (see ClockKeeper). */
  private static void keepClock(DataFolder data, VirtualClock clock, ClockFollower follower) {
    ClockKeeper keeper = new ClockKeeper(data.clockFile(), clock::instant, follower::lead);
    follower.onChange(keeper::changed);
    keeper.changed();
  }

  private static software.amazon.awssdk.retries.api.RetryStrategy quickRetries() {
    BackoffStrategy backoff =
        BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(500));
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(3)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .build();
  }

  /**
   * Dead letters as the platform sets them aside (Lambda's event source mapping sending to the
   * queue, and the queue's consumer): on the client without faults.
   */
  private static DeadLetters platformDeadLetters(DynamoDbClient platform, Clock clock) {
    WaymarkConfig config = WaymarkConfig.local(TABLE);
    return new DeadLetters(
        new DynamoDeadLetterStore(platform, TABLE, WaymarkServices.DEAD_LETTER_RETENTION),
        new DynamoEventInbox(platform, TABLE, config.dedupWindow()),
        new ProfileService(
            new DynamoProfileStore(
                platform,
                TABLE,
                clock,
                config.eventRetention(),
                new DynamoSegmentMemberships(platform, TABLE, config.dedupWindow(), clock)),
            clock),
        clock);
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
   *     the clock then follows real time until frozen or advanced; see ClockFollower); a clock kept
   *     in the data folder wins over it
   * @param data the data folder the table, clock, write key, outbox, stream position and secrets
   *     are kept in (default: none, everything in memory, as tests want)
   * @param fresh empty the data folder first
   */
  public record Options(
      int port,
      int dynamoPort,
      Optional<Path> template,
      Optional<Instant> start,
      Optional<Path> data,
      boolean fresh) {
    public static Options defaults() {
      return new Options(3000, 0, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public Options withPort(int newPort) {
      return new Options(newPort, dynamoPort, template, start, data, fresh);
    }

    public Options startingAt(Instant at) {
      return new Options(port, dynamoPort, template, Optional.of(at), data, fresh);
    }

    /** Keeps the state in {@code folder}; {@code emptyFirst} starts it empty ({@code --fresh}). */
    public Options withData(Path folder, boolean emptyFirst) {
      return new Options(port, dynamoPort, template, start, Optional.of(folder), emptyFirst);
    }
  }

  public static LocalRuntime start(Options options) throws IOException {
    return new LocalRuntime(options);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** The console the runtime serves (docs/console.md). */
  public URI consoleUri() {
    return baseUri().resolve("/console/");
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

  /** The local secrets: kept in the data folder, or in memory for a runtime without one. */
  public LocalSecrets secrets() {
    return secrets;
  }

  /** The data folder, if the runtime keeps its state in one. */
  public Optional<Path> dataFolder() {
    return data.map(DataFolder::root);
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  /**
   * Waits until everything set in motion so far has settled: every accepted event processed (and
   * routed to journeys), and every run paused on a wait, a timer or a task token. It drains the
   * stream on the calling thread and stops when a pass over the stream found nothing and no engine
   * work started since the pass before (the engine counts every start: {@code workStarted}).
   */
  public void awaitProcessed() {
    EngineClock engine = clock.engineClock();
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < end) {
      if (closed || Thread.currentThread().isInterrupted()) {
        return; // the runtime is shutting down, or the waiting thread was told to stop
      }
      long started = engine.workStarted();
      journeys.awaitQuiescence();
      if (drainedNow() && engine.activeCount() == 0 && engine.workStarted() == started) {
        return;
      }
    }
    System.err.println("local runtime: work did not settle within 5 minutes");
  }

  /** One pass over the stream (processing what it finds); true when it found nothing. */
  private boolean drainedNow() {
    try {
      return poller.idleNow();
    } catch (AbortedException interrupted) {
      Thread.currentThread().interrupt(); // the SDK call was interrupted: stop waiting
      return false;
    } catch (RuntimeException e) {
      System.err.println("local runtime: stream pass failed, trying again: " + e.getMessage());
      return false;
    }
  }

  /**
   * Moves the virtual clock instant by instant (firing due timers and schedules, each at its own
   * time, settling after each); returns when everything the advance caused is processed.
   */
  public void advance(java.time.Duration by) {
    follower.advance(by);
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

  /** Where the latest event's way to the outbox spent its time (see PipelineProbe). */
  public PipelineProbe probe() {
    return probe;
  }

  /** Every message sent so far, oldest first. */
  public Outbox outbox() {
    return outbox;
  }

  /** The local Step Functions endpoint (for an SfnClient, or the AWS CLI's --endpoint-url). */
  public URI sfnEndpoint() {
    return journeys.sfnEndpoint();
  }

  /** Events set aside as dead letters since the start. */
  public long deadLetterCount() {
    return poller.setAsideCount();
  }

  /** The fault injection ({@code /_local/faults}). */
  public Faults faults() {
    return faults;
  }

  /**
   * Retries seen: the SDK's DynamoDB retries ({@code dynamodbSdk}) and the stream batches delivered
   * again from a failed record ({@code stream}).
   */
  public Map<String, Long> retries() {
    return Map.of(
        "dynamodbSdk", faultyDynamo.retries(), "stream", poller == null ? 0L : poller.retries());
  }

  /**
   * The functions' DynamoDB calls so far, keyed {@code "<thread kind> <operation>"}: {@code
   * process} for the process function's workers (see FaultyDynamoHttp).
   */
  public Map<String, Long> dynamoCalls() {
    return faultyDynamo.calls();
  }

  /** The process function's processing (its phase times). */
  public EventProcessing processing() {
    return processing;
  }

  @Override
  public void close() {
    closed = true;
    follower.close();
    scheduler.close();
    http.close();
    journeys.close();
    messaging.close();
    poller.close();
    dynamo.close();
    platform.close();
    dynamoLocal.close();
    data.ifPresent(DataFolder::close);
  }
}
