package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.ShippedJourneys;
import dev.waymark.core.json.Json;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.core.template.TemplateService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFormation custom resource {@code PublishShippedJourneys}: on Create and Update it puts
 * every template packaged with the function in the template store, then publishes every packaged
 * journey through the publish path (a template or document that did not change makes no new
 * version), on Delete it leaves the journeys as they are; either way it answers CloudFormation's
 * pre-signed response URL (SUCCESS with the versions live, or FAILED with the reason), so the stack
 * never waits for a timeout.
 */
public final class ShippedJourneysResource
    implements RequestHandler<CloudFormationCustomResourceEvent, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(ShippedJourneysResource.class);
  static final String PHYSICAL_ID = "waymark-shipped-journeys";
  private final TemplateService templates;
  private final JourneyPublisher publisher;
  private final HttpClient http;

  public ShippedJourneysResource() {
    this(
        Composition.journeyFunction(),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  public ShippedJourneysResource(JourneyServices journeys, HttpClient http) {
    this.templates = journeys.templates();
    this.publisher = journeys.publisher();
    this.http = http;
  }

  @Override
  public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
    ObjectNode response =
        Json.object()
            .put("PhysicalResourceId", PHYSICAL_ID)
            .put("StackId", event.getStackId())
            .put("RequestId", event.getRequestId())
            .put("LogicalResourceId", event.getLogicalResourceId());
    try {
      ObjectNode data = response.putObject("Data");
      if (!"Delete".equals(event.getRequestType())) {
        ShippedTemplates.publish(getClass().getClassLoader(), templates);
        List<JourneyPublisher.Published> published =
            ShippedJourneys.publishAll(publisher, getClass().getClassLoader());
        published.forEach(p -> data.put(p.version().journeyId(), p.version().version()));
        LOG.info(
            "published {} shipped journeys, {} new versions",
            published.size(),
            published.stream().filter(JourneyPublisher.Published::created).count());
      }
      response.put("Status", "SUCCESS");
    } catch (RuntimeException e) {
      // any failure is answered: a custom resource that never answers holds the stack for an hour
      LOG.error("publishing the shipped journeys failed", e);
      response.remove("Data");
      response.put("Status", "FAILED").put("Reason", reason(e));
    }
    answer(event.getResponseUrl(), Json.write(response));
    return null;
  }

  private static String reason(RuntimeException e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }

  /** CloudFormation's response URL takes a PUT with no content type (it is pre-signed so). */
  private void answer(String responseUrl, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(responseUrl))
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException("the response URL answered " + answer.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot answer CloudFormation", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted answering CloudFormation", e);
    }
  }
}
