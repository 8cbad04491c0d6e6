package dev.waymark.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.functions.authorizer.WriteKeyAuthorizerHandler;
import dev.waymark.functions.ingest.IngestHandler;
import dev.waymark.functions.process.ProcessHandler;
import dev.waymark.functions.profiles.ProfilesHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
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

  private LocalRuntime(Options options) throws IOException {
    Path template = options.template().orElseGet(TemplateTable::findTemplate);
    this.dynamoLocal = options.dynamoPort() == 0 ? DynamoDbLocal.start() : DynamoDbLocal.start(options.dynamoPort());
    this.dynamo = dynamoLocal.client();
    TemplateTable.create(dynamo, template, TemplateTable.WAYMARK_TABLE, TABLE);
    this.clock = new VirtualClock(options.start().orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    this.services = new WaymarkServices(dynamo, WaymarkConfig.local(TABLE), clock);
    this.writeKey = services.writeKeys().issue("local");
    Telemetry quiet = Telemetry.quiet();
    String streamArn = dynamo.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
    this.poller = new StreamPoller(dynamoLocal.streamsClient(), streamArn, new ProcessHandler(services, quiet));
    Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = Map.of(
        IngestHandler.class.getName(), new IngestHandler(services.ingest(), quiet),
        ProfilesHandler.class.getName(), new ProfilesHandler(services, quiet));
    Map<String, RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>>> authorizers = Map.of(
        WriteKeyAuthorizerHandler.class.getName(), new WriteKeyAuthorizerHandler(services.writeKeys(), quiet));
    this.http = new HttpApiServer("127.0.0.1", options.port(), SamApi.routes(template), handlers, authorizers,
        new ClockRoutes(clock));
  }

  /**
   * @param port HTTP port (0 for any free port)
   * @param dynamoPort DynamoDB Local port (0 for any free port)
   * @param template template.yaml to serve (default: found from the working directory)
   * @param start the virtual clock's start (default: now)
   */
  public record Options(int port, int dynamoPort, Optional<Path> template, Optional<Instant> start) {
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

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  /** Waits until every event accepted so far has been processed. */
  public void awaitProcessed() {
    poller.awaitIdle();
  }

  public int deadLetterCount() {
    return poller.deadLetters().size();
  }

  @Override
  public void close() {
    http.close();
    poller.close();
    dynamo.close();
    dynamoLocal.close();
  }
}
