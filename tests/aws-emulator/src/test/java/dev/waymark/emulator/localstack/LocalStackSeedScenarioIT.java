package dev.waymark.emulator.localstack;

import static dev.waymark.emulator.localstack.DeployedApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.InternalEvents;
import dev.waymark.emulator.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The design's "developers testing locally with SAM and LocalStack": template.yaml deployed to
 * LocalStack (through Testcontainers, with the pinned SAM CLI), then seed 000 — Sarah's lease story
 * — played over the deployed HTTP API: anonymous browsing on two devices, sign-up, consents, the
 * merge, the Date Trait Reached event (leaseEnd -P90D), and the lease-offer email that LocalStack's
 * SES recorded.
 *
 * <p>Runs with {@code ./waymark test --localstack} ({@code mvn -Plocalstack}), Docker and {@code
 * LOCALSTACK_AUTH_TOKEN}. Everywhere else — CI included — it is skipped, printing why.
 */
class LocalStackSeedScenarioIT {
  static final String IMAGE =
      Optional.ofNullable(System.getenv("WAYMARK_LOCALSTACK_IMAGE"))
          .orElse("localstack/localstack-pro:4.9");
  static final String SARAH = "sarah@example.com";

  @Test
  void seed000RunsOnTheSamApplicationDeployedToLocalStack() throws Exception {
    Path root = MotoServer.projectRoot();
    whyItCannotRun(root)
        .ifPresent(
            why -> {
              System.out.println("[localstack] SKIPPED: " + why);
              Assumptions.abort(why);
            });
    try (LocalStackContainer localstack =
        new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv("LOCALSTACK_AUTH_TOKEN"))) {
      localstack.start();
      URI endpoint = localstack.getEndpoint();
      SesV2Client ses = client(SesV2Client.builder(), endpoint);
      // template.yaml leaves the sender identity to the account (parameter SenderIdentity)
      ses.createEmailIdentity(r -> r.emailIdentity("example.com"));
      Map<String, String> outputs = new SamDeployment(root, endpoint).deploy();
      DynamoDbClient dynamo = client(DynamoDbClient.builder(), endpoint);
      String writeKey = writeKey(dynamo, outputs);
      DeployedApi api = new DeployedApi(apiBase(outputs.get("ApiUrl"), endpoint), writeKey);
      playSeed000(
          api,
          endpoint,
          new DynamoEventInbox(dynamo, outputs.get("TableName"), Duration.ofDays(7)));
    }
  }

  /** Why the scenario cannot run here, if it cannot: the order is what a developer fixes first. */
  static Optional<String> whyItCannotRun(Path root) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of(
          "no Docker engine is reachable (Testcontainers found none), and LocalStack runs in"
              + " Docker. The Docker-free paths still ran: the local runtime suites and the moto"
              + " suite (docs/local-runtime.md).");
    }
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token == null || token.isBlank()) {
      return Optional.of(
          "LOCALSTACK_AUTH_TOKEN is not set; the LocalStack image with HTTP APIs needs one.");
    }
    if (!Boolean.getBoolean("waymark.localstack")) {
      return Optional.of(
          "Docker and a token are here, but the deployment (minutes) runs only when asked:"
              + " ./waymark test --localstack, or mvn -Plocalstack.");
    }
    if (!Files.isExecutable(SamDeployment.samCli(root))) {
      return Optional.of(SamDeployment.samCli(root) + " is missing: run scripts/install-tools.sh");
    }
    return Optional.empty();
  }

  private void playSeed000(DeployedApi api, URI endpoint, DynamoEventInbox inbox) {
    String leaseEnd = LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();
    send(api, "{\"type\":\"page\",\"anonymousId\":\"laptop-7f3a\",\"name\":\"E-V Model\"}");
    send(
        api,
        "{\"type\":\"screen\",\"anonymousId\":\"phone-19c2\",\"name\":\"Discounts\","
            + "\"identities\":{\"ecid\":\"ECID-PHONE-19C2\"}}");
    send(
        api,
        "{\"type\":\"identify\",\"anonymousId\":\"laptop-7f3a\",\"userId\":\"carvelo-1001\","
            + "\"traits\":{\"email\":\""
            + SARAH
            + "\",\"phone\":\"+48608123456\",\"firstName\":\"Sarah\",\"car\":\"2019 Model A\","
            + "\"timezone\":\""
            + middayZone()
            + "\",\"leaseEnd\":\""
            + leaseEnd
            + "\"}}");
    String sarah =
        eventually(
                "Sarah's profile, known by email",
                Duration.ofMinutes(3),
                () -> api.get("/v1/profiles?email=" + SARAH),
                a -> a.status() == 200)
            .body()
            .path("profileId")
            .asText();
    assertThat(
            api.put(
                    "/v1/profiles/" + sarah + "/consents",
                    "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\","
                        + "\"source\":\"registration-form\"}]}")
                .status())
        .isEqualTo(200);
    send(api, "{\"type\":\"identify\",\"anonymousId\":\"phone-19c2\",\"userId\":\"carvelo-1001\"}");
    eventually(
        "the phone's profile merged into Sarah's",
        Duration.ofMinutes(2),
        () -> api.get("/v1/profiles?ecid=ECID-PHONE-19C2"),
        a -> a.status() == 200 && a.body().path("profileId").asText().equals(sarah));

    // Date Trait Reached is reserved at ingest: it goes into the inbox as the hourly date-trigger
    // function puts it (leaseEnd -P90D, the lease-renewal journey's entry)
    inbox.accept(
        InternalEvents.dateTraitReached(
            Profile.create(
                sarah,
                List.of(Identity.of(IdentityNamespace.USER_ID, "carvelo-1001")),
                Instant.now()),
            new DateTrigger("leaseEnd", -90, false),
            LocalDate.parse(leaseEnd),
            LocalDate.parse(leaseEnd).minusDays(90),
            Instant.now()),
        "date-trigger");

    JsonNode email =
        eventually(
                "the lease-offer email in LocalStack's SES",
                Duration.ofMinutes(5),
                () -> sentEmailTo(endpoint, SARAH),
                Optional::isPresent)
            .orElseThrow();
    assertThat(email.toString()).contains("your lease ends soon");
    JsonNode journeys = api.get("/v1/profiles/" + sarah + "/journeys").body();
    assertThat(journeys.toString()).contains("lease-renewal");
  }

  /**
   * A time zone where it is about noon now: LocalStack runs on real time, and sends wait for the
   * recipient's daytime window (08:00-21:00), so Sarah lives where the scenario is in it.
   */
  static String middayZone() {
    int offset = 12 - java.time.ZonedDateTime.now(ZoneOffset.UTC).getHour(); // -11..+12
    return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
  }

  private static void send(DeployedApi api, String event) {
    String withId = event.replaceFirst("\\{", "{\"messageId\":\"" + UUID.randomUUID() + "\",");
    assertThat(api.sendEvents("{\"batch\":[" + withId + "]}").status()).isEqualTo(202);
  }

  /** LocalStack's record of the emails its SES sent ({@code GET /_aws/ses}). */
  private static Optional<JsonNode> sentEmailTo(URI endpoint, String address) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      for (JsonNode message : Json.parse(response.body()).path("messages")) {
        if (message.path("Destination").toString().contains(address)) {
          return Optional.of(message);
        }
      }
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A write key, stored as docs/operations.md says (only its SHA-256 hash, in the table). */
  private static String writeKey(DynamoDbClient dynamo, Map<String, String> outputs)
      throws Exception {
    String key = "wk_localstack_" + UUID.randomUUID().toString().replace("-", "");
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    dynamo.putItem(
        r ->
            r.tableName(outputs.get("TableName"))
                .item(
                    Map.of(
                        "PK", AttributeValue.fromS("K#" + hash),
                        "SK", AttributeValue.fromS("WRITEKEY"),
                        "source", AttributeValue.fromS("website"))));
    return key;
  }

  /**
   * The API as LocalStack serves it: ApiUrl names {@code <api-id>.execute-api.<region>.amazonaws
   * .com}; LocalStack answers for {@code <api-id>.execute-api.localhost.localstack.cloud} on its
   * own port.
   */
  static URI apiBase(String apiUrl, URI endpoint) {
    String apiId = URI.create(apiUrl).getHost().split("\\.")[0];
    return URI.create(
        "http://" + apiId + ".execute-api.localhost.localstack.cloud:" + endpoint.getPort() + "/");
  }

  private static <
          B extends
              software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
                  & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>,
          C>
      C client(B builder, URI endpoint) {
    return builder
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
