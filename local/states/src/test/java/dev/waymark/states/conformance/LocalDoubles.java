package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.IntegrationPattern;
import dev.waymark.states.task.ServiceIntegration;
import dev.waymark.states.task.ServiceRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Simple local doubles for services some corpus cases call: SQS (sendMessage; a worker plays the
 * recorded test's consumer for .waitForTaskToken messages: it answers the way the recording shows
 * the token was answered — success with the recorded output, failure with the recorded error/cause,
 * or no answer when the task timed out — defaulting to success with the message's "Message"), SNS
 * (publish), EventBridge (putEvents) and an in-memory DynamoDB (putItem/getItem/updateItem
 * SET/deleteItem, also as aws-sdk:dynamodb).
 */
final class LocalDoubles implements ServiceIntegration {
  private final Supplier<StatesEngine> engine;
  private final JsonNode recording;
  private final Map<String, Map<String, ObjectNode>> tables = new ConcurrentHashMap<>();

  private LocalDoubles(Supplier<StatesEngine> engine, JsonNode recording) {
    this.engine = engine;
    this.recording = recording;
  }

  static void register(
      StatesEngine.Builder b, Supplier<StatesEngine> engine, JsonNode recordedCase) {
    b.integration(new LocalDoubles(engine, recordedCase));
  }

  @Override
  public boolean supports(String service, String action) {
    return switch (service) {
      case "sqs", "sns", "events", "dynamodb", "aws-sdk:dynamodb" -> true;
      default -> false;
    };
  }

  @Override
  public JsonNode invoke(ServiceRequest r) {
    return switch (r.service()) {
      case "sqs" -> sqs(r);
      case "sns" -> Json.object().put("MessageId", UUID.randomUUID().toString());
      case "events" -> events(r.parameters());
      default -> dynamo(r);
    };
  }

  private JsonNode sqs(ServiceRequest r) {
    JsonNode p = r.parameters();
    String url = p.path("QueueUrl").asText();
    if (url.contains("no-such-queue") || url.contains("no_such_queue")) {
      throw new StatesFailure(
          "SQS.SdkClientException",
          "Unable to execute HTTP request: " + url + ": Name or service not known");
    }
    JsonNode body = p.get("MessageBody");
    if (body == null || body.isNull() || body.isTextual() && body.textValue().isEmpty()) {
      throw new StatesFailure(
          "SQS.AmazonSQSException",
          "The request must contain the parameter MessageBody. "
              + "(Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; Request ID: "
              + UUID.randomUUID()
              + "; Proxy: null)");
    }
    if (r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      answer(r.taskToken(), body.isObject() && body.has("Message") ? body.get("Message") : body);
    }
    return Json.object()
        .put("MD5OfMessageBody", "d41d8cd98f00b204e9800998ecf8427e")
        .put("MessageId", UUID.randomUUID().toString());
  }

  /**
   * The consumer's answer, as the recording shows it (first callback outcome after TaskSubmitted).
   */
  private void answer(String token, JsonNode message) {
    StatesEngine e = engine.get();
    JsonNode outcome = recordedOutcome();
    if (outcome != null && outcome.path("type").asText().equals("TaskTimedOut")) {
      return;
    }
    if (outcome != null && outcome.path("type").asText().equals("TaskFailed")) {
      JsonNode d = outcome.path("taskFailedEventDetails");
      String error = d.has("error") ? d.get("error").asText() : null;
      String cause =
          !d.has("cause")
              ? null
              : d.get("cause").isTextual() ? d.get("cause").asText() : Json.write(d.get("cause"));
      e.clock().spawn("sqs-worker", () -> e.tasks().sendTaskFailure(token, error, cause));
      return;
    }
    JsonNode out =
        outcome != null && outcome.path("taskSucceededEventDetails").has("output")
            ? outcome.path("taskSucceededEventDetails").get("output")
            : message;
    String text = out.isTextual() && isJson(out.textValue()) ? out.textValue() : Json.write(out);
    e.clock().spawn("sqs-worker", () -> e.tasks().sendTaskSuccess(token, text));
  }

  private JsonNode recordedOutcome() {
    boolean submitted = false;
    for (JsonNode ev : recording.path("history")) {
      String type = ev.path("type").asText();
      if (type.equals("TaskSubmitted")
          && ev.path("taskSubmittedEventDetails").path("resourceType").asText().equals("sqs")) {
        submitted = true;
      } else if (submitted
          && (type.equals("TaskSucceeded")
              || type.equals("TaskFailed")
              || type.equals("TaskTimedOut"))) {
        return ev;
      }
    }
    return null;
  }

  private static boolean isJson(String s) {
    try {
      Json.parse(s);
      return true;
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private static JsonNode events(JsonNode p) {
    ObjectNode out = Json.object();
    ArrayNode entries = out.putArray("Entries");
    int failed = 0;
    for (JsonNode e : p.path("Entries")) {
      if (!e.has("Source")) {
        entries
            .addObject()
            .put("ErrorCode", "InvalidArgument")
            .put(
                "ErrorMessage",
                "Parameter Source is not valid. Reason: Source is a required argument.");
        failed++;
      } else if (e.has("Detail")
          && e.get("Detail").isTextual()
          && !isJsonObject(e.get("Detail").asText())) {
        entries
            .addObject()
            .put("ErrorCode", "MalformedDetail")
            .put("ErrorMessage", "Detail is malformed.");
        failed++;
      } else {
        entries.addObject().put("EventId", UUID.randomUUID().toString());
      }
    }
    out.put("FailedEntryCount", failed);
    if (failed > 0) {
      throw new StatesFailure("EventBridge.FailedEntry", Json.write(out));
    }
    return out;
  }

  private static boolean isJsonObject(String s) {
    try {
      return Json.parse(s).isObject();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private JsonNode dynamo(ServiceRequest r) {
    boolean sdk = r.service().startsWith("aws-sdk");
    JsonNode p = r.parameters();
    String table = p.path("TableName").asText();
    if (!table.matches("[a-zA-Z0-9_.-]+")) {
      throw new StatesFailure(
          sdk ? "DynamoDb.DynamoDbException" : "DynamoDB.AmazonDynamoDBException",
          "1 validation error detected: Value '"
              + table
              + "' at 'tableName' failed to satisfy constraint: "
              + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
              + requestSuffix(sdk, "ValidationException"));
    }
    if (r.action().equals("putItem") && (!p.has("Item") || p.get("Item").isNull())) {
      throw new StatesFailure(
          "DynamoDb.DynamoDbException",
          "1 validation error detected: Value null at 'item' "
              + "failed to satisfy constraint: Member must not be null (Service: DynamoDb, Status Code: 400, "
              + "Request ID: "
              + UUID.randomUUID()
              + ")");
    }
    if (table.startsWith("no_such")) {
      throw new StatesFailure(
          sdk ? "DynamoDb.ResourceNotFoundException" : "DynamoDB.ResourceNotFoundException",
          "Requested resource not found" + requestSuffix(sdk, "ResourceNotFoundException"));
    }
    Map<String, ObjectNode> items = tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
    return switch (r.action()) {
      case "putItem" -> {
        ObjectNode item = (ObjectNode) p.get("Item").deepCopy();
        items.put(key(item, p.get("Item")), item);
        yield Json.object();
      }
      case "getItem" -> {
        ObjectNode found = findByKey(items, p.get("Key"));
        ObjectNode out = Json.object();
        if (found != null) {
          out.set("Item", found);
        }
        yield out;
      }
      case "deleteItem" -> {
        ObjectNode found = findByKey(items, p.get("Key"));
        if (found != null) {
          items.values().remove(found);
        }
        yield Json.object();
      }
      case "updateItem" -> update(items, p);
      case "query" -> query(items, p);
      default ->
          throw new StatesFailure(
              "States.Runtime", "DynamoDB double does not support " + r.action());
    };
  }

  /** How the SDK v2 (aws-sdk:*) and v1 (optimized integrations) clients append request details. */
  private static String requestSuffix(boolean sdk, String code) {
    return sdk
        ? " (Service: DynamoDb, Status Code: 400, Request ID: " + UUID.randomUUID() + ")"
        : " (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: "
            + code
            + "; Request ID: "
            + UUID.randomUUID()
            + "; Proxy: null)";
  }

  private static JsonNode update(Map<String, ObjectNode> items, JsonNode p) {
    ObjectNode item = findByKey(items, p.get("Key"));
    if (item == null) {
      item = (ObjectNode) p.get("Key").deepCopy();
      items.put(key(item, p.get("Key")), item);
    }
    ObjectNode updated = Json.object();
    String expr = p.path("UpdateExpression").asText().trim();
    String assignments = expr.replaceFirst("(?i)^set\\s+", "");
    for (String part : assignments.split(",")) {
      String[] kv = part.split("=");
      String name = kv[0].trim();
      if (name.startsWith("#")) {
        name = p.path("ExpressionAttributeNames").path(name).asText(name);
      }
      JsonNode value = p.path("ExpressionAttributeValues").get(kv[1].trim());
      item.set(name, value);
      updated.set(name, value);
    }
    ObjectNode out = Json.object();
    if ("UPDATED_NEW".equals(p.path("ReturnValues").asText())) {
      out.set("Attributes", updated);
    } else if ("ALL_NEW".equals(p.path("ReturnValues").asText())) {
      out.set("Attributes", item);
    }
    return out;
  }

  /** query with a KeyConditionExpression of equalities joined by AND ("id = :id"). */
  private static JsonNode query(Map<String, ObjectNode> items, JsonNode p) {
    ObjectNode key = Json.object();
    for (String part : p.path("KeyConditionExpression").asText().split("(?i)\\s+and\\s+")) {
      String[] kv = part.split("=");
      key.set(kv[0].trim(), p.path("ExpressionAttributeValues").get(kv[1].trim()));
    }
    ObjectNode out = Json.object();
    var list = out.putArray("Items");
    items.values().stream().filter(item -> matches(item, key)).forEach(list::add);
    out.put("Count", list.size());
    out.put("ScannedCount", list.size());
    return out;
  }

  private static boolean matches(ObjectNode item, JsonNode key) {
    var it = key.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().equals(item.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode findByKey(Map<String, ObjectNode> items, JsonNode key) {
    return items.values().stream().filter(item -> matches(item, key)).findFirst().orElse(null);
  }

  private static String key(JsonNode item, JsonNode source) {
    return item.has("id") ? Json.write(item.get("id")) : Json.write(source);
  }
}
