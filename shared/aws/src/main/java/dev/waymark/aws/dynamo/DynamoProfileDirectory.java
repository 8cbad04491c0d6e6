package dev.waymark.aws.dynamo;

import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Live profiles by a paged Scan filtered to profile items. A scan reads the whole table, so this
 * serves only the bounded segment preview (a draft has no index yet); sizes of saved segments, the
 * lease scan and due checks never use it.
 */
public record DynamoProfileDirectory(DynamoDbClient dynamo, String table)
    implements ProfileDirectory {
  @Override
  public Page<Profile> page(int limit, String cursor) {
    Map<String, AttributeValue> start = cursor == null ? null : decode(cursor);
    ScanResponse page =
        dynamo.scan(
            r ->
                r.tableName(table)
                    .limit(limit)
                    .exclusiveStartKey(start)
                    .filterExpression("SK = :p AND #s = :live")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(
                        Map.of(":p", Attr.s(Keys.PROFILE_SK), ":live", Attr.s("live"))));
    List<Profile> profiles = page.items().stream().map(ProfileItems::fromItem).toList();
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? encode(page.lastEvaluatedKey())
            : null;
    return new Page<>(profiles, next);
  }

  private static String encode(Map<String, AttributeValue> key) {
    String text = key.get(Keys.PK).s() + "\n" + key.get(Keys.SK).s();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> decode(String cursor) {
    String[] parts =
        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
    return Attr.key(parts[0], parts[1]);
  }
}
