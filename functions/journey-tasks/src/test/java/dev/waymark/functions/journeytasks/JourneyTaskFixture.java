package dev.waymark.functions.journeytasks;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.steps.DynamoJourneySecrets;
import dev.waymark.aws.steps.DynamoStepLedger;
import dev.waymark.aws.steps.HttpWebhookClient;
import dev.waymark.aws.steps.StepServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.steps.WebhookClient;
import dev.waymark.core.journey.steps.WebhookTargets;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The journey task handlers on DynamoDB Local, with Sarah (in Warsaw) on the profile store. */
abstract class JourneyTaskFixture {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices core;
  JourneyServices journeys;
  String table;
  String sarah;
  final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void freshTable() {
    table = SharedDynamoDbLocal.newWaymarkTable();
    core =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.fixed(NOW, ZoneOffset.UTC));
    journeys = new JourneyServices(core, JourneyConfig.from(Map.of()));
    ShippedTemplates.publish(getClass().getClassLoader(), journeys.templates());
    sarah =
        core.profiles()
            .process(
                new InboundEvent(
                    Json.parseObject(
                        """
                        {"type":"identify","messageId":"i1","userId":"sarah",
                         "timestamp":"2026-11-20T10:00:00Z",
                         "traits":{"email":"sarah@example.com","country":"PL","offersSent":1,
                                   "timezone":"Europe/Warsaw","leaseEnd":"2027-03-29","plan":"gold"}}"""),
                    NOW))
            .profileId();
  }

  /** Sarah consents to email. */
  void grantSarahEmail() {
    core.profiles()
        .recordConsents(
            sarah,
            List.of(
                new ConsentRequest.Change(
                    ConsentChannel.EMAIL,
                    null,
                    new ConsentDecision(ConsentDecision.ConsentStatus.granted, "test", NOW))));
  }

  StepTaskHandler handler() {
    return handler(HttpWebhookClient.create());
  }

  StepTaskHandler handler(WebhookClient client) {
    return new StepTaskHandler(
        StepServices.tasks(
            journeys,
            ZoneId.of("UTC"),
            new DynamoStepLedger(dynamo, table, core.clock()),
            new DynamoJourneySecrets(dynamo, table),
            client,
            WebhookTargets.of(true),
            waits::add),
        Telemetry.quiet());
  }

  void storeSecret(String journeyId, String secret) {
    dynamo.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        Keys.PK,
                        Attr.s(Keys.journey(journeyId)),
                        Keys.SK,
                        Attr.s(Keys.JOURNEY_SK),
                        "webhookSecret",
                        Attr.s(secret))));
  }

  Map<String, Object> payload(String action, String runId, String stepId) {
    Map<String, Object> p = new HashMap<>();
    p.put("action", action);
    p.put("runId", runId);
    p.put("journeyId", "lease-renewal");
    p.put("version", "1");
    p.put("profileId", sarah);
    p.put("stepId", stepId);
    p.put("entry", Map.of("event", "Quote Requested", "properties", Map.of("price", 150)));
    return p;
  }
}
