package dev.waymark.ddblocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates a DynamoDB table exactly as an {@code AWS::DynamoDB::Table} resource of {@code
 * template.yaml} declares it (keys, attribute types, indexes, stream, TTL), so local runs and tests
 * use the deployed shape, not a copy of it.
 */
public final class TemplateTable {
  private TemplateTable() {}

  /** The logical id of Waymark's one table in template.yaml. */
  public static final String WAYMARK_TABLE = "WaymarkTable";

  /** Creates Waymark's table, as template.yaml declares it, under {@code tableName}. */
  public static void createWaymarkTable(DynamoDbClient dynamo, String tableName) {
    create(dynamo, findTemplate(), WAYMARK_TABLE, tableName);
  }

  /**
   * Finds {@code template.yaml}: the system property {@code waymark.template} if set, else the
   * working directory or the nearest parent that has one.
   */
  public static Path findTemplate() {
    String configured = System.getProperty("waymark.template");
    if (configured != null) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("template.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "template.yaml not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * Creates the table declared by the resource {@code logicalId}, under the name {@code tableName}.
   */
  public static void create(
      DynamoDbClient dynamo, Path template, String logicalId, String tableName) {
    Map<String, Object> properties = properties(template, logicalId);
    dynamo.createTable(createRequest(properties, tableName));
    @SuppressWarnings("unchecked")
    Map<String, Object> ttl = (Map<String, Object>) properties.get("TimeToLiveSpecification");
    if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
      dynamo.updateTimeToLive(
          r ->
              r.tableName(tableName)
                  .timeToLiveSpecification(
                      t -> t.enabled(true).attributeName((String) ttl.get("AttributeName"))));
    }
  }

  /**
   * Creates the table as {@link #create} does unless it exists already (DynamoDB Local started on a
   * data folder). An existing table whose indexes are not the template's was made by an older
   * template.yaml: that is an error naming the difference, since Waymark's queries would fail on
   * it.
   */
  public static void createIfAbsent(
      DynamoDbClient dynamo, Path template, String logicalId, String tableName) {
    Set<String> existing;
    try {
      existing =
          dynamo
              .describeTable(r -> r.tableName(tableName))
              .table()
              .globalSecondaryIndexes()
              .stream()
              .map(GlobalSecondaryIndexDescription::indexName)
              .collect(Collectors.toCollection(TreeSet::new));
    } catch (ResourceNotFoundException e) {
      create(dynamo, template, logicalId, tableName);
      return;
    }
    Set<String> declared =
        createRequest(properties(template, logicalId), tableName).globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndex::indexName)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!existing.equals(declared)) {
      throw new IllegalStateException(
          "the table "
              + tableName
              + " kept in the data folder has the indexes "
              + existing
              + ", template.yaml declares "
              + declared
              + "; start once with --fresh to recreate it (its data is lost)");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Path template, String logicalId) {
    Map<String, Object> resource = CloudFormationYaml.resources(template).get(logicalId);
    if (resource == null) {
      throw new IllegalStateException(template + " declares no resource " + logicalId);
    }
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  static CreateTableRequest createRequest(Map<String, Object> p, String tableName) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(each(p.get("AttributeDefinitions"), TemplateTable::attribute))
            .keySchema(each(p.get("KeySchema"), TemplateTable::key));
    if (p.get("GlobalSecondaryIndexes") != null) {
      request.globalSecondaryIndexes(each(p.get("GlobalSecondaryIndexes"), TemplateTable::index));
    }
    Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
    if (stream != null) {
      request.streamSpecification(
          StreamSpecification.builder()
              .streamEnabled(true)
              .streamViewType((String) stream.get("StreamViewType"))
              .build());
    }
    return request.build();
  }

  @SuppressWarnings("unchecked")
  private static GlobalSecondaryIndex index(Map<String, Object> index) {
    Map<String, Object> projection = (Map<String, Object>) index.get("Projection");
    Projection.Builder p =
        Projection.builder().projectionType((String) projection.get("ProjectionType"));
    if (projection.get("NonKeyAttributes") != null) {
      p.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
    }
    return GlobalSecondaryIndex.builder()
        .indexName((String) index.get("IndexName"))
        .keySchema(each(index.get("KeySchema"), TemplateTable::key))
        .projection(p.build())
        .build();
  }

  private static AttributeDefinition attribute(Map<String, Object> a) {
    return AttributeDefinition.builder()
        .attributeName((String) a.get("AttributeName"))
        .attributeType((String) a.get("AttributeType"))
        .build();
  }

  private static KeySchemaElement key(Map<String, Object> k) {
    return KeySchemaElement.builder()
        .attributeName((String) k.get("AttributeName"))
        .keyType((String) k.get("KeyType"))
        .build();
  }

  /** Each map of a template list (of maps) made into an SDK model object. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> each(Object list, Function<Map<String, Object>, T> build) {
    return ((List<Map<String, Object>>) list).stream().map(build).toList();
  }
}
