package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.waymark.core.json.Json;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deploy-time custom resource: it publishes the shipped journeys and answers CloudFormation's
 * response URL (here a local HTTP server recording each PUT).
 */
class ShippedJourneysResourceTest {
  final JourneysApiFixture api;
  final HttpServer cloudFormation;
  final List<String> answers = new CopyOnWriteArrayList<>();
  final List<String> methods = new CopyOnWriteArrayList<>();
  final ShippedJourneysResource resource;

  ShippedJourneysResourceTest() throws Exception {
    api = new JourneysApiFixture();
    cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cloudFormation.createContext(
        "/",
        exchange -> {
          methods.add(exchange.getRequestMethod());
          answers.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    cloudFormation.start();
    resource = new ShippedJourneysResource(api.journeys, HttpClient.newHttpClient());
  }

  @AfterEach
  void close() {
    cloudFormation.stop(0);
    api.close();
  }

  CloudFormationCustomResourceEvent event(String type) {
    CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
    event.setRequestType(type);
    event.setStackId("arn:aws:cloudformation:us-east-1:123456789012:stack/waymark/1");
    event.setRequestId("req-" + type);
    event.setLogicalResourceId("PublishShippedJourneys");
    event.setResponseUrl(
        "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/cfn-response?sig=abc");
    return event;
  }

  JsonNode lastAnswer() {
    return Json.parse(answers.get(answers.size() - 1));
  }

  @Test
  void createPublishesEveryShippedJourneyAndUpdateMakesNoNewVersionOfAnUnchangedOne() {
    // a shipped template changed through the API: the resource puts the file's version back first
    api.journeys
        .templates()
        .put(
            "lease-offer",
            Json.parse("{\"email\":{\"subject\":\"Changed\",\"text\":\"Changed\"},\"sample\":{}}"));
    resource.handleRequest(event("Create"), null);

    JsonNode created = lastAnswer();
    assertThat(methods).containsExactly("PUT");
    assertThat(created.path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(created.path("RequestId").asText()).isEqualTo("req-Create");
    assertThat(created.path("LogicalResourceId").asText()).isEqualTo("PublishShippedJourneys");
    assertThat(created.path("PhysicalResourceId").asText()).isEqualTo("waymark-shipped-journeys");
    assertThat(created.path("Data").size()).isEqualTo(10);
    assertThat(created.path("Data").path("lease-renewal").asInt()).isEqualTo(1);
    assertThat(api.journeys.catalog().journeys()).hasSize(10);
    assertThat(api.journeys.templates().latest("lease-offer").version())
        .as("the shipped template file put again before the journeys")
        .isEqualTo(3);

    api.journeys.publisher().pause("test-drive");
    resource.handleRequest(event("Update"), null);
    JsonNode updated = lastAnswer();
    assertThat(updated.path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(updated.path("Data").path("lease-renewal").asInt()).isEqualTo(1);
    assertThat(api.journeys.publisher().versions("lease-renewal")).hasSize(1);
    assertThat(api.journeys.publisher().get("test-drive").state().name()).isEqualTo("paused");
  }

  @Test
  void deletePublishesNothingAndAFailureIsAnsweredAsFailed() {
    resource.handleRequest(event("Delete"), null);
    assertThat(lastAnswer().path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(api.journeys.publisher().list(true)).isEmpty();

    api.endpoint.close();
    resource.handleRequest(event("Create"), null);
    JsonNode failed = lastAnswer();
    assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("Reason").asText()).isNotBlank();
    assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo("waymark-shipped-journeys");
  }
}
