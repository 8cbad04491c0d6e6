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
 * Simple local doubles for services some corpus cases call: SQS (sendMessage; a worker answers
 * .waitForTaskToken messages with SendTaskSuccess of the message's "Message"), SNS (publish), EventBridge
 * (putEvents) and an in-memory DynamoDB (putItem/getItem/updateItem SET/deleteItem, also as aws-sdk:dynamodb).
 */
final class LocalDoubles implements ServiceIntegration {
    private final Supplier<StatesEngine> engine;
    private final Map<String, Map<String, ObjectNode>> tables = new ConcurrentHashMap<>();

    private LocalDoubles(Supplier<StatesEngine> engine) {
        this.engine = engine;
    }

    static void register(StatesEngine.Builder b, Supplier<StatesEngine> engine) {
        b.integration(new LocalDoubles(engine));
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
            throw new StatesFailure("SQS.SdkClientException", "Unable to execute HTTP request: " + url
                    + ": Name or service not known");
        }
        if (!p.has("MessageBody") || p.get("MessageBody").asText().isEmpty() && !p.get("MessageBody").isObject()) {
            throw new StatesFailure("SQS.AmazonSQSException", "The request must contain the parameter MessageBody. "
                    + "(Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; Request ID: "
                    + UUID.randomUUID() + "; Proxy: null)");
        }
        if (r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            JsonNode body = p.get("MessageBody");
            JsonNode message = body.isObject() && body.has("Message") ? body.get("Message") : body;
            String token = r.taskToken();
            StatesEngine e = engine.get();
            e.clock().spawn("sqs-worker", () -> e.sendTaskSuccess(token, Json.write(message)));
        }
        return Json.object().put("MD5OfMessageBody", "d41d8cd98f00b204e9800998ecf8427e")
                .put("MessageId", UUID.randomUUID().toString());
    }

    private static JsonNode events(JsonNode p) {
        ObjectNode out = Json.object();
        ArrayNode entries = out.putArray("Entries");
        int failed = 0;
        for (JsonNode e : p.path("Entries")) {
            if (!e.has("Source")) {
                entries.addObject().put("ErrorCode", "InvalidArgument")
                        .put("ErrorMessage", "Parameter Source is not valid. Reason: Source is a required argument.");
                failed++;
            } else if (e.has("Detail") && e.get("Detail").isTextual() && !isJsonObject(e.get("Detail").asText())) {
                entries.addObject().put("ErrorCode", "MalformedDetail").put("ErrorMessage", "Detail is malformed.");
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
            throw new StatesFailure(sdk ? "DynamoDb.DynamoDbException" : "DynamoDB.AmazonDynamoDBException",
                    "1 validation error detected: Value '" + table + "' at 'tableName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (r.action().equals("putItem") && (!p.has("Item") || p.get("Item").isNull())) {
            throw new StatesFailure("DynamoDb.DynamoDbException", "1 validation error detected: Value null at 'item' "
                    + "failed to satisfy constraint: Member must not be null (Service: DynamoDb, Status Code: 400, "
                    + "Request ID: " + UUID.randomUUID() + ")");
        }
        if (table.startsWith("no_such")) {
            throw new StatesFailure(sdk ? "DynamoDb.ResourceNotFoundException" : "DynamoDB.ResourceNotFoundException",
                    "Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: "
                            + "ResourceNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
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
            default -> throw new StatesFailure("States.Runtime", "DynamoDB double does not support " + r.action());
        };
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

    private static ObjectNode findByKey(Map<String, ObjectNode> items, JsonNode key) {
        for (ObjectNode item : items.values()) {
            boolean match = true;
            var it = key.fields();
            while (it.hasNext()) {
                var e = it.next();
                match &= e.getValue().equals(item.get(e.getKey()));
            }
            if (match) {
                return item;
            }
        }
        return null;
    }

    private static String key(JsonNode item, JsonNode source) {
        return item.has("id") ? Json.write(item.get("id")) : Json.write(source);
    }
}
