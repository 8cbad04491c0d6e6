package dev.waymark.aws.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.TestJourneys;
import dev.waymark.core.journey.language.References;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyStopper;
import dev.waymark.core.journey.publish.TemplateVersions;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.api.StatesHttpServer;
import dev.waymark.states.clock.ClockMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The publish path on real parts: DynamoDB Local, the States Language executor behind its Step
 * Functions endpoint on a manual clock, and a real SfnClient. Only the compilation is a stand-in
 * (the parser and compiler are tested on their own): a document's {@code description} becomes the
 * result its state machine ends with, after waiting an hour.
 */
final class PublishingFixture implements AutoCloseable {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
  static final String ROLE = "arn:aws:iam::123456789012:role/waymark-journeys";

  /** The stand-in compilation: the definition from the document, the ASL from its description. */
  static final JourneyCompilation COMPILATION =
      (document, pins) -> {
        JourneyDefinition definition = TestJourneys.definition(document);
        String asl =
            """
            {"StartAt":"Hold","States":{
              "Hold":{"Type":"Wait","Seconds":3600,"Next":"Done"},
              "Done":{"Type":"Pass","Result":%s,"End":true}}}"""
                .formatted(Json.write(document.path("description").asText()));
        return new JourneyCompilation.Compiled(definition, asl, List.of());
      };

  final StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.MANUAL).build();
  final StatesHttpServer endpoint;
  final SfnClient sfn;
  final DynamoJourneyRecords records =
      new DynamoJourneyRecords(LocalDynamo.client(), LocalDynamo.newTable());
  final DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), records.table());
  final SfnJourneyExecutions executions;
  final JourneyPublisher publisher;
  final DynamoJourneyCatalog catalog =
      new DynamoJourneyCatalog(records, COMPILATION, Duration.ZERO);
  final JourneyRouter router;

  PublishingFixture() throws Exception {
    endpoint = StatesHttpServer.start(engine, "127.0.0.1", 0);
    sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(endpoint.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(DynamoDbLocal.localCredentials())
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    executions = new SfnJourneyExecutions(sfn);
    publisher =
        new JourneyPublisher(
            COMPILATION,
            records,
            new SfnStateMachineRegistry(sfn),
            TemplateVersions.NONE,
            new JourneyStopper(store, executions, CLOCK),
            () -> References.of(Set.of(), List.of()),
            ROLE,
            CLOCK);
    router = new JourneyRouter(catalog, store, executions, check -> true, CLOCK);
  }

  /** A journey document entered on {@code Test Drive Booked}. */
  static ObjectNode document(String id, String description) {
    ObjectNode document =
        Json.object().put("id", id).put("name", "Test drive").put("description", description);
    document.putObject("entry").put("event", "Test Drive Booked");
    return document;
  }

  /** Routes one {@code Test Drive Booked} event of the person. */
  void book(Profile person, String messageId) {
    InboundEvent event =
        new EventBatchValidator()
            .validate(
                """
                {"batch":[{"type":"track","event":"Test Drive Booked","messageId":"%s",
                 "userId":"%s"}]}"""
                    .formatted(messageId, person.id()),
                CLOCK.instant())
            .get(0);
    router.onProcessed(new ProcessOutcome(person, true, 0, false), event);
  }

  /** Lets every execution run until it waits on the clock. */
  void settle() {
    engine.awaitQuiescence(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    sfn.close();
    endpoint.close();
    engine.close();
  }
}
