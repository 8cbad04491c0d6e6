package dev.waymark.aws.dynamo;

import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.store.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Live profiles, shard by shard, from the sparse LiveProfileIndex ({@link Keys#LIVE_PROFILE_INDEX}:
 * keys only, a Query per shard page, then BatchGetItem for the items) — never a table Scan. It
 * serves the bounded segment preview (a draft has no membership index yet); sizes of saved
 * segments, the lease scan and due checks never use it. The cursor (internal to the preview loop)
 * is the shard and the last profile id read in it.
 */
public record DynamoProfileDirectory(DynamoDbClient dynamo, String table)
    implements ProfileDirectory {
  private static final int BATCH_GET = 100;

  @Override
  public Page<Profile> page(int limit, String cursor) {
    int shard = cursor == null ? 0 : Integer.parseInt(cursor.substring(0, 2));
    String after = cursor == null ? null : cursor.substring(3);
    while (shard < Keys.LIVE_SHARDS) {
      QueryResponse page = query(shard, after, limit);
      List<String> ids = page.items().stream().map(i -> Attr.string(i, Keys.LPID)).toList();
      String next =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? cursor(shard, ids.getLast())
              : shard + 1 < Keys.LIVE_SHARDS ? cursor(shard + 1, "") : null;
      if (!ids.isEmpty() || next == null) {
        return new Page<>(load(ids), next);
      }
      shard++;
      after = null;
    }
    return new Page<>(List.of(), null);
  }

  private QueryResponse query(int shard, String after, int limit) {
    Map<String, AttributeValue> start = null;
    if (after != null && !after.isEmpty()) {
      start = new HashMap<>(Attr.key(Keys.profile(after), Keys.PROFILE_SK));
      start.put(Keys.LPSHARD, Attr.s(Keys.liveShard(shard)));
      start.put(Keys.LPID, Attr.s(after));
    }
    Map<String, AttributeValue> exclusiveStart = start;
    return dynamo.query(
        r ->
            r.tableName(table)
                .indexName(Keys.LIVE_PROFILE_INDEX)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", Keys.LPSHARD))
                .expressionAttributeValues(Map.of(":s", Attr.s(Keys.liveShard(shard))))
                .exclusiveStartKey(exclusiveStart)
                .limit(limit));
  }

  /**
   * The profile items, in the order of the ids; one that stopped being live meanwhile is left out.
   */
  private List<Profile> load(List<String> ids) {
    List<Profile> profiles = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH_GET) {
      Map<String, KeysAndAttributes> pending =
          Map.of(
              table,
              KeysAndAttributes.builder()
                  .keys(
                      ids.subList(from, Math.min(ids.size(), from + BATCH_GET)).stream()
                          .map(id -> Attr.key(Keys.profile(id), Keys.PROFILE_SK))
                          .toList())
                  .consistentRead(true)
                  .build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        var response = dynamo.batchGetItem(r -> r.requestItems(request));
        response.responses().getOrDefault(table, List.of()).stream()
            .filter(i -> Attr.string(i, Keys.LPID) != null)
            .map(ProfileItems::fromItem)
            .forEach(profiles::add);
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
    profiles.sort(Comparator.comparing(p -> order.get(p.id())));
    return profiles;
  }

  private static String cursor(int shard, String lastId) {
    return String.format("%02d", shard) + "#" + lastId;
  }
}
