package dev.waymark.aws.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyRecords;
import dev.waymark.core.journey.publish.JourneyVersion;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link JourneyRecords} on the Waymark table: the record {@code JD#<id>}/{@code JOURNEY} and its
 * copy in the directory {@code JOURNEYS}/{@code JD#<id>} (written together, so listing journeys is
 * one query), and the versions {@code JD#<id>}/{@code V#<000001>}.
 */
public record DynamoJourneyRecords(DynamoDbClient dynamo, String table) implements JourneyRecords {
  @Override
  public Optional<JourneyRecord> find(String journeyId) {
    return get(Keys.journey(journeyId), Keys.JOURNEY_SK).map(DynamoJourneyRecords::record);
  }

  @Override
  public JourneyRecord save(JourneyRecord next) {
    JourneyRecord stored =
        new JourneyRecord(
            next.id(),
            next.state(),
            next.draft(),
            next.liveVersion(),
            next.webhookSecret(),
            next.stateMachineArn(),
            next.aliasArn(),
            next.updatedAt(),
            next.revision() + 1);
    Map<String, AttributeValue> record = item(stored, Keys.journey(next.id()), Keys.JOURNEY_SK);
    Map<String, AttributeValue> entry =
        item(stored, Keys.JOURNEY_DIRECTORY_PK, Keys.journey(next.id()));
    boolean first = next.revision() == 0;
    Conditions.guard(
        "save journey",
        () ->
            dynamo.transactWriteItems(
                r ->
                    r.transactItems(
                        TransactWriteItem.builder()
                            .put(
                                p ->
                                    p.tableName(table)
                                        .item(record)
                                        .conditionExpression(
                                            first ? "attribute_not_exists(PK)" : "revision = :r")
                                        .expressionAttributeValues(
                                            first ? null : Map.of(":r", Attr.n(next.revision()))))
                            .build(),
                        TransactWriteItem.builder()
                            .put(p -> p.tableName(table).item(entry))
                            .build())));
    return stored;
  }

  private static Map<String, AttributeValue> item(JourneyRecord journey, String pk, String sk) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.key(pk, sk));
    item.put("id", Attr.s(journey.id()));
    item.put("state", Attr.s(journey.state().name()));
    if (journey.draft() != null) {
      item.put("draft", Attr.s(Json.write(journey.draft())));
    }
    item.put("liveVersion", Attr.n(journey.liveVersion()));
    put(item, "webhookSecret", journey.webhookSecret());
    put(item, "stateMachineArn", journey.stateMachineArn());
    put(item, "aliasArn", journey.aliasArn());
    item.put("updatedAt", Attr.s(journey.updatedAt().toString()));
    item.put("revision", Attr.n(journey.revision()));
    return item;
  }

  private static void put(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, Attr.s(value));
    }
  }

  private static JourneyRecord record(Map<String, AttributeValue> item) {
    String draft = Attr.string(item, "draft");
    return new JourneyRecord(
        Attr.string(item, "id"),
        JourneyState.valueOf(Attr.string(item, "state")),
        draft == null ? null : Json.parseObject(draft),
        (int) Attr.number(item, "liveVersion"),
        Attr.string(item, "webhookSecret"),
        Attr.string(item, "stateMachineArn"),
        Attr.string(item, "aliasArn"),
        Instant.parse(Attr.string(item, "updatedAt")),
        Attr.number(item, "revision"));
  }

  @Override
  public void saveVersion(JourneyVersion version) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(Keys.journey(version.journeyId()), Keys.journeyVersion(version.version())));
    item.put("journeyId", Attr.s(version.journeyId()));
    item.put("version", Attr.n(version.version()));
    item.put("document", Attr.s(Json.write(version.document())));
    item.put("asl", Attr.s(version.asl()));
    item.put("stateMachineVersionArn", Attr.s(version.stateMachineVersionArn()));
    item.put("templateVersions", Attr.s(Json.write(version.templateVersions())));
    item.put("publishedAt", Attr.s(version.publishedAt().toString()));
    Conditions.guard(
        "save journey version",
        () ->
            dynamo.putItem(
                r ->
                    r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")));
  }

  @Override
  public Optional<JourneyVersion> version(String journeyId, int version) {
    return get(Keys.journey(journeyId), Keys.journeyVersion(version))
        .map(DynamoJourneyRecords::version);
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Attr.key(pk, sk))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  @Override
  public List<JourneyVersion> versions(String journeyId) {
    return Queries.withPrefix(dynamo, table, Keys.journey(journeyId), Keys.JOURNEY_VERSION_PREFIX)
        .stream()
        .map(DynamoJourneyRecords::version)
        .toList();
  }

  private static JourneyVersion version(Map<String, AttributeValue> item) {
    return new JourneyVersion(
        Attr.string(item, "journeyId"),
        (int) Attr.number(item, "version"),
        Json.parseObject(Attr.string(item, "document")),
        Attr.string(item, "asl"),
        Attr.string(item, "stateMachineVersionArn"),
        Json.read(
            Attr.string(item, "templateVersions"), new TypeReference<Map<String, String>>() {}),
        Instant.parse(Attr.string(item, "publishedAt")));
  }

  @Override
  public List<JourneyRecord> all() {
    return Queries.withPrefix(dynamo, table, Keys.JOURNEY_DIRECTORY_PK, Keys.JOURNEY_PREFIX)
        .stream()
        .map(DynamoJourneyRecords::record)
        .toList();
  }
}
