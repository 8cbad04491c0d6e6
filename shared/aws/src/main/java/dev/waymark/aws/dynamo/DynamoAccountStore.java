package dev.waymark.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.account.Account;
import dev.waymark.core.account.AccountStore;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.TraitLimits;
import dev.waymark.core.profile.Traits;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Accounts on the Waymark table: the shared {@code A#<groupId>}/{@code ACCOUNT} item (traits and
 * their event times, versioned), and each member's link {@code P#<id>}/{@code A#<groupId>}, which
 * lives in the person's partition so merges move it and erasure deletes it with the person.
 */
public final class DynamoAccountStore implements AccountStore {
  private static final int MAX_PASSES = 32;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoAccountStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void applyTraits(String accountId, ObjectNode traits, Instant at) {
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Optional<Map<String, AttributeValue>> item = get(Keys.account(accountId), Keys.ACCOUNT_SK);
      Traits before = item.map(DynamoAccountStore::traitsOf).orElse(Traits.empty());
      Traits after = before.applying(traits, at);
      if (item.isPresent() && after.equals(before)) {
        return; // a replay, or older than what the account holds
      }
      if (!TraitLimits.fits(before, after)) {
        return; // the account's traits would pass their limit (docs/api.md#limits)
      }
      long version = item.map(i -> Attr.number(i, "version")).orElse(0L);
      Map<String, AttributeValue> next =
          new HashMap<>(Attr.key(Keys.account(accountId), Keys.ACCOUNT_SK));
      next.put("accountId", Attr.s(accountId));
      next.put("version", Attr.n(version + 1));
      next.put("traits", Attr.s(Json.write(after.values())));
      next.put("traitTimes", Attr.s(Json.write(after.setAt())));
      next.put("updatedAt", Attr.s(at.toString()));
      try {
        dynamo.putItem(
            r ->
                r.tableName(table)
                    .item(next)
                    .conditionExpression(
                        item.isPresent() ? "#v = :v" : "attribute_not_exists(" + Keys.PK + ")")
                    .expressionAttributeNames(item.isPresent() ? Map.of("#v", "version") : null)
                    .expressionAttributeValues(
                        item.isPresent() ? Map.of(":v", Attr.n(version)) : null));
        return;
      } catch (ConditionalCheckFailedException lostRace) {
        // another member's group call changed the account: read it again
      }
    }
    throw new IllegalStateException("account traits kept losing races");
  }

  @Override
  public void link(String profileId, String accountId, Instant at) {
    Map<String, AttributeValue> link =
        new HashMap<>(Attr.key(Keys.profile(profileId), Keys.accountLink(accountId)));
    link.put("accountId", Attr.s(accountId));
    link.put("linkedAt", Attr.s(at.toString()));
    TransactWriteItem live =
        TransactWriteItem.builder()
            .conditionCheck(
                ConditionCheck.builder()
                    .tableName(table)
                    .key(Attr.key(Keys.profile(profileId), Keys.PROFILE_SK))
                    .conditionExpression("#st = :live")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":live", Attr.s("live")))
                    .build())
            .build();
    TransactWriteItem put =
        TransactWriteItem.builder().put(Put.builder().tableName(table).item(link).build()).build();
    Conditions.guard(
        "link account", () -> dynamo.transactWriteItems(r -> r.transactItems(live, put)));
  }

  @Override
  public List<Account> accountsOf(String profileId) {
    return Queries.withPrefix(dynamo, table, Keys.profile(profileId), Keys.ACCOUNT_PREFIX).stream()
        .map(link -> Keys.accountIdOf(Attr.string(link, Keys.SK)))
        .map(
            id ->
                new Account(
                    id,
                    get(Keys.account(id), Keys.ACCOUNT_SK)
                        .map(DynamoAccountStore::traitsOf)
                        .orElse(Traits.empty())))
        .toList();
  }

  private static Traits traitsOf(Map<String, AttributeValue> item) {
    return new Traits(
        Json.parseObject(Attr.string(item, "traits")),
        Json.read(Attr.string(item, "traitTimes"), new TypeReference<Map<String, Instant>>() {}));
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Attr.key(pk, sk))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
