package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.LayoutStore;
import dev.waymark.core.message.LayoutStore.StoredLayout;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.message.TemplateStore.StoredTemplate;
import dev.waymark.core.template.TemplatePreviews;
import dev.waymark.core.template.TemplateService;
import dev.waymark.core.template.TestSends;

/**
 * The templates API (see docs/api.md#templates and docs/templates.md): {@code GET /v1/templates},
 * {@code PUT|GET /v1/templates/{id}}, {@code GET /v1/templates/{id}/versions/{v}}, {@code POST
 * /v1/templates/{id}/preview}, {@code POST /v1/templates/{id}/test-send}, {@code GET|PUT
 * /v1/settings/test-recipients}; and the shared layouts, {@code GET /v1/layouts}, {@code PUT|GET
 * /v1/layouts/{id}}.
 */
record TemplateRoutes(TemplateService templates) {
  ObjectNode list() {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("templates");
    templates.all().forEach(t -> list.add(summary(t)));
    return body;
  }

  ObjectNode put(APIGatewayV2HTTPEvent event) {
    TemplateStore.Saved saved = templates.put(id(event), body(event));
    return view(saved.template()).put("created", saved.created());
  }

  ObjectNode get(APIGatewayV2HTTPEvent event) {
    String id = id(event);
    ObjectNode body = view(templates.latest(id));
    ArrayNode versions = body.putArray("versions");
    templates.versions(id).forEach(v -> versions.add(summary(v)));
    return body;
  }

  ObjectNode version(APIGatewayV2HTTPEvent event) {
    return view(templates.version(id(event), HttpRequests.pathParameter(event, "v"), "v"));
  }

  ObjectNode preview(APIGatewayV2HTTPEvent event) {
    TemplatePreviews.Preview preview = templates.preview(id(event), body(event));
    ObjectNode body = summary(preview.template());
    body.set("channels", Json.MAPPER.valueToTree(preview.channels()));
    body.set("missing", Json.MAPPER.valueToTree(preview.missing()));
    body.set("errors", Json.MAPPER.valueToTree(preview.errors()));
    return body;
  }

  ObjectNode testSend(APIGatewayV2HTTPEvent event) {
    TestSends.Sent sent = templates.testSend(id(event), body(event));
    return Json.MAPPER.valueToTree(sent);
  }

  ObjectNode testRecipients() {
    ObjectNode body = Json.object();
    body.set("addresses", Json.MAPPER.valueToTree(templates.testRecipients()));
    return body;
  }

  ObjectNode replaceTestRecipients(APIGatewayV2HTTPEvent event) {
    ObjectNode body = Json.object();
    body.set("addresses", Json.MAPPER.valueToTree(templates.replaceTestRecipients(body(event))));
    return body;
  }

  ObjectNode layouts() {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("layouts");
    templates.layouts().all().forEach(l -> list.add(summary(l)));
    return body;
  }

  ObjectNode putLayout(APIGatewayV2HTTPEvent event) {
    LayoutStore.Saved saved = templates.layouts().put(id(event), body(event));
    return summary(saved.layout())
        .put("html", saved.layout().html())
        .put("created", saved.created());
  }

  ObjectNode getLayout(APIGatewayV2HTTPEvent event) {
    String id = id(event);
    StoredLayout latest = templates.layouts().latest(id);
    ObjectNode body = summary(latest).put("html", latest.html());
    ArrayNode versions = body.putArray("versions");
    templates.layouts().versions(id).forEach(v -> versions.add(summary(v)));
    return body;
  }

  private static ObjectNode summary(StoredLayout layout) {
    return Json.object()
        .put("id", layout.id())
        .put("version", layout.version())
        .put("createdAt", layout.createdAt().toString());
  }

  private static String id(APIGatewayV2HTTPEvent event) {
    return HttpRequests.pathParameter(event, "id");
  }

  private static ObjectNode summary(StoredTemplate template) {
    return Json.object()
        .put("id", template.id())
        .put("version", template.version())
        .put("createdAt", template.createdAt().toString());
  }

  private static ObjectNode view(StoredTemplate template) {
    ObjectNode view = summary(template);
    view.set("document", template.document().toJson());
    return view;
  }

  private static JsonNode body(APIGatewayV2HTTPEvent event) {
    return HttpRequests.optionalJsonBodyNode(event);
  }
}
