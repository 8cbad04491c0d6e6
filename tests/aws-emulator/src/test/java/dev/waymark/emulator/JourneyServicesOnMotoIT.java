package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.ingest.IngestResult;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRequest;
import dev.waymark.core.send.SendWindow;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.TemplateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The composition roots ({@link WaymarkServices}, {@link JourneyServices}) built as a function
 * builds them, with every client pointed at moto: the DynamoDB stores (inbox, profiles and
 * stitching, consents, send ledger, caps, message log, erasure) on moto's DynamoDB, in a table
 * created from template.yaml, and the sends on moto's SESv2 and SNS.
 */
class JourneyServicesOnMotoIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);
  static final String DOMAIN = "journeys.carvelo.example";
  static MotoServer moto;
  static WaymarkServices core;
  static JourneyServices journeys;
  final String sarah = "sarah+" + UUID.randomUUID() + "@example.com";
  final String user = "carvelo-" + UUID.randomUUID();

  @BeforeAll
  static void compose() {
    moto = MotoServer.shared();
    // the functions' clients take credentials from the SDK's default chain; its first link
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    DynamoDbClient dynamo = moto.client(DynamoDbClient.builder());
    String table = "waymark-" + UUID.randomUUID();
    TemplateTable.createWaymarkTable(dynamo, table);
    moto.client(SesV2Client.builder()).createEmailIdentity(r -> r.emailIdentity(DOMAIN));
    moto.client(SesV2Client.builder())
        .createConfigurationSet(r -> r.configurationSetName("waymark-journeys"));
    String pushApp =
        moto.client(SnsClient.builder())
            .createPlatformApplication(
                r ->
                    r.name("waymark-journeys")
                        .platform("APNS")
                        .attributes(Map.of("PlatformCredential", "key")))
            .platformApplicationArn();
    String endpoint = moto.endpoint().toString();
    core =
        new WaymarkServices(
            dynamo,
            new WaymarkConfig(
                table,
                MotoServer.REGION,
                Optional.of(moto.endpoint()),
                Duration.ofDays(400),
                Duration.ofDays(7)),
            CLOCK);
    journeys =
        new JourneyServices(
            core,
            JourneyConfig.from(
                Map.of(
                    "WAYMARK_FROM_ADDRESS", "offers@" + DOMAIN,
                    "WAYMARK_CONFIGURATION_SET", "waymark-journeys",
                    "WAYMARK_PUSH_APP_ARN", pushApp,
                    "WAYMARK_PUBLIC_URL", "https://api.carvelo.example",
                    "WAYMARK_SFN_ENDPOINT", endpoint,
                    "WAYMARK_SES_ENDPOINT", endpoint,
                    "WAYMARK_SNS_ENDPOINT", endpoint)),
            check -> true);
    ShippedTemplates.publish(JourneyServicesOnMotoIT.class.getClassLoader(), journeys.templates());
  }

  @Test
  void theInboxTakesEachEventOnceAndTheLaptopAndPhoneProfilesMergeIntoSarahs() {
    String batch =
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m-"
            + user
            + "\",\"anonymousId\":\"laptop-"
            + user
            + "\",\"name\":\"E-V Model\"}]}";
    assertThat(core.ingest().ingest(batch, "website"))
        .extracting(IngestResult::status)
        .containsExactly("accepted");
    assertThat(core.ingest().ingest(batch, "website"))
        .extracting(IngestResult::status)
        .containsExactly("duplicate");

    String laptop = process("{\"type\":\"page\",\"anonymousId\":\"laptop-%s\"}").profileId();
    String phone =
        process("{\"type\":\"screen\",\"anonymousId\":\"phone-%s\",\"name\":\"Discounts\"}")
            .profileId();
    assertThat(phone).isNotEqualTo(laptop);
    process(
        "{\"type\":\"identify\",\"anonymousId\":\"laptop-%s\",\"userId\":\"%s\","
            + "\"traits\":{\"email\":\"%s\",\"firstName\":\"Sarah\"}}");
    ProcessOutcome signIn =
        process("{\"type\":\"identify\",\"anonymousId\":\"phone-%s\",\"userId\":\"%s\"}");

    assertThat(signIn.merges()).isEqualTo(1);
    String byEmail = lookup(IdentityNamespace.EMAIL, sarah);
    assertThat(lookup(IdentityNamespace.ANONYMOUS_ID, "phone-" + user)).isEqualTo(byEmail);
    assertThat(lookup(IdentityNamespace.ANONYMOUS_ID, "laptop-" + user)).isEqualTo(byEmail);
  }

  @Test
  void aJourneyEmailIsSentOnceThroughSesAndItsFeedbackFindsItInTheMessageLog() {
    String profileId = sarahWithConsent();
    SendRequest step = leaseOffer(profileId, "run-" + UUID.randomUUID());

    SendOutcome sent = journeys.send().send(step);
    SendOutcome retried = journeys.send().send(step);

    assertThat(sent.status()).isEqualTo(SendOutcome.Status.sent);
    assertThat(retried).isEqualTo(sent);
    List<JsonNode> emails =
        moto.models("ses", "Message").stream()
            .filter(m -> m.path("destinations").path("ToAddresses").get(0).asText().equals(sarah))
            .toList();
    assertThat(emails).hasSize(1);
    assertThat(emails.get(0).path("id").asText()).isEqualTo(sent.messageId());
    assertThat(emails.get(0).path("subject").asText())
        .isEqualTo("Sarah, your lease ends soon - a private offer inside");
    assertThat(emails.get(0).path("body").asText()).contains("2027-02-25");
    assertThat(journeys.messageLog().updateStatus(sent.messageId(), "delivered", CLOCK.instant()))
        .isTrue();
  }

  @Test
  void erasureRemovesThePersonFromMotosTable() {
    String profileId = sarahWithConsent();

    core.records()
        .erase(
            core.profiles().resolve(profileId).orElseThrow(),
            dev.waymark.aws.composition.Composition.erasureStopper(journeys.executions()));

    assertThat(core.profiles().lookup(Identity.of(IdentityNamespace.EMAIL, sarah))).isEmpty();
  }

  private String sarahWithConsent() {
    String profileId =
        process(
                "{\"type\":\"identify\",\"anonymousId\":\"laptop-%s\",\"userId\":\"%s\","
                    + "\"traits\":{\"email\":\"%s\",\"firstName\":\"Sarah\",\"car\":\"2019 Model A\"}}")
            .profileId();
    core.profiles()
        .recordConsents(
            profileId,
            List.of(
                new ConsentRequest.Change(
                    ConsentChannel.EMAIL,
                    null,
                    new ConsentDecision(
                        ConsentDecision.ConsentStatus.granted,
                        "registration-form",
                        CLOCK.instant()))));
    return profileId;
  }

  private static SendRequest leaseOffer(String profileId, String runId) {
    return new SendRequest(
        runId,
        "lease-renewal",
        "lease-offer",
        profileId,
        List.of(Channel.email),
        "lease-offer",
        "offers",
        Json.object(),
        Json.parseObject("{\"properties\":{\"leaseEnd\":\"2027-02-25\"}}"),
        SendWindow.ANY_TIME,
        null,
        null);
  }

  /** Processes one event; %s are the test's user id (anonymous ids, userId) and email. */
  private ProcessOutcome process(String template) {
    String event =
        template.replace("laptop-%s", "laptop-" + user).replace("phone-%s", "phone-" + user);
    event = event.replaceFirst("%s", user).replaceFirst("%s", sarah);
    String withId = event.replaceFirst("\\{", "{\"messageId\":\"" + UUID.randomUUID() + "\",");
    return core.profiles()
        .process(
            new EventBatchValidator()
                .validate("{\"batch\":[" + withId + "]}", CLOCK.instant())
                .get(0));
  }

  private static String lookup(IdentityNamespace namespace, String value) {
    return core.profiles().lookup(Identity.of(namespace, value)).orElseThrow().id();
  }
}
