package dev.waymark.aws.dynamo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.access.WriteKeys;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.ExecutionStopper;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One erasure of a person (see {@link DynamoProfileRecords#erase}): for the profile and every
 * profile merged into it, first their running journey runs are stopped, then every item of their
 * partition goes with what other partitions keep about it (identity items, a run's copy under its
 * journey, a message's provider pointer, a membership's index entry, counter share and re-check),
 * inbox items lose their payload (or go, when their messageId names the person), and send-ledger
 * entries keep a hash of the address instead of the address. The profile item goes last, so an
 * erasure that stops half-way can be repeated. Only counts are kept, in an audit item.
 */
final class PersonEraser {
  /** How an erased address is kept in the send ledger: this prefix and its SHA-256. */
  static final String HASHED = "sha256:";

  private final DynamoDbClient dynamo;
  private final String table;
  private final ProfileStore profiles;
  private final SegmentMembershipItems memberships;
  private final Clock clock;
  private final ExecutionStopper runs;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<String> erasedIds = new ArrayList<>();

  PersonEraser(
      DynamoDbClient dynamo,
      String table,
      ProfileStore profiles,
      SegmentMembershipItems memberships,
      Clock clock,
      ExecutionStopper runs) {
    this.dynamo = dynamo;
    this.table = table;
    this.profiles = profiles;
    this.memberships = memberships;
    this.clock = clock;
    this.runs = runs;
  }

  ErasureReport erase(Profile profile) {
    erasedIds.addAll(profile.mergedFrom());
    erasedIds.add(profile.id());
    Map<String, List<Map<String, AttributeValue>>> partitions = new LinkedHashMap<>();
    for (String id : erasedIds) {
      partitions.put(id, Queries.partition(dynamo, table, Keys.profile(id)));
    }
    partitions.forEach((id, items) -> items.forEach(this::stopRun)); // before anything is deleted
    partitions.forEach(
        (id, items) -> {
          profiles
              .find(id)
              .ifPresent(p -> p.identities().forEach(identity -> deleteIdentity(identity, id)));
          erasePartition(id, items);
        });
    ErasureReport report = new ErasureReport(UUID.randomUUID().toString(), clock.instant(), counts);
    writeAudit(report);
    return report;
  }

  private void stopRun(Map<String, AttributeValue> item) {
    String arn = Attr.string(item, "executionArn");
    if (Attr.string(item, Keys.SK).startsWith(Keys.RUN_PREFIX)
        && arn != null
        && "running".equals(Attr.string(item, "status"))) {
      runs.stop(arn);
      counts.merge("runsStopped", 1, Integer::sum);
    }
  }

  private void deleteIdentity(Identity identity, String profileId) {
    boolean deleted =
        Conditions.deleteIf(
            dynamo,
            r ->
                r.tableName(table)
                    .key(Attr.key(Keys.identity(identity), Keys.IDENTITY_SK))
                    .conditionExpression("profileId = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s(profileId))));
    if (deleted) {
      counts.merge("identities", 1, Integer::sum);
    } // otherwise it belongs to the surviving profile and is erased with it
  }

  private void erasePartition(String profileId, List<Map<String, AttributeValue>> items) {
    String pk = Keys.profile(profileId);
    boolean hasProfileItem = false;
    for (Map<String, AttributeValue> item : items) {
      String sk = Attr.string(item, Keys.SK);
      if (Keys.PROFILE_SK.equals(sk)) {
        hasProfileItem = true;
        continue;
      }
      if (sk.startsWith(Keys.EVENT_PREFIX)) {
        scrubInbox(Attr.string(item, "messageId"));
      } else if (sk.startsWith(Keys.SEGMENT_PREFIX)) {
        memberships.erase(profileId, item); // index, counter, re-check
      } else if (sk.startsWith(Keys.MESSAGE_PREFIX)) {
        eraseMessage(item);
      } else if (sk.startsWith(Keys.RUN_PREFIX) && Attr.string(item, "journeyId") != null) {
        delete(
            Keys.journey(Attr.string(item, "journeyId")),
            Keys.runningRun(Attr.string(item, "runId")));
      }
      delete(pk, sk);
      counts.merge(kindOf(sk), 1, Integer::sum);
    }
    if (hasProfileItem) {
      delete(pk, Keys.PROFILE_SK);
      counts.merge("profiles", 1, Integer::sum);
    }
  }

  /** The provider's pointer goes; the send ledger keeps the outcome with the address hashed. */
  private void eraseMessage(Map<String, AttributeValue> message) {
    String providerId = Attr.string(message, "providerMessageId");
    if (providerId != null) {
      delete(Keys.providerMessage(providerId), Keys.PROVIDER_MESSAGE_SK);
    }
    String runId = Attr.string(message, "runId");
    String stepId = Attr.string(message, "stepId");
    if (runId == null || stepId == null) {
      return;
    }
    Map<String, AttributeValue> key = Attr.key(Keys.sendLedger(runId, stepId), Keys.SEND_LEDGER_SK);
    Map<String, AttributeValue> ledger =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key)).item();
    String outcome = ledger == null ? null : Attr.string(ledger, "outcome");
    if (outcome == null) {
      return;
    }
    ObjectNode scrubbed = Json.parseObject(outcome);
    String address = scrubbed.path("address").asText(null);
    if (address == null || address.startsWith(HASHED)) {
      return;
    }
    String hashed = HASHED + WriteKeys.hash(address.trim().toLowerCase(Locale.ROOT));
    scrubbed.put("address", hashed);
    String reason = scrubbed.path("reason").asText(null);
    if (reason != null && reason.contains(address)) {
      scrubbed.put("reason", reason.replace(address, hashed));
    }
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key)
                .updateExpression("SET outcome = :o")
                .expressionAttributeValues(Map.of(":o", Attr.s(Json.write(scrubbed)))));
    counts.merge("ledgerAddressesHashed", 1, Integer::sum);
  }

  /**
   * The inbox item keeps its messageId (a replay is still a duplicate) without the payload; an item
   * whose messageId itself names one of the erased profiles (Waymark's own events: {@code
   * seg:<segment>:<profileId>:...}, moved with a merge) goes, since only Waymark could send it
   * again, and not for an erased person.
   */
  private void scrubInbox(String messageId) {
    if (messageId == null) {
      return;
    }
    if (erasedIds.stream().anyMatch(messageId::contains)) {
      delete(Keys.inbox(messageId), Keys.INBOX_SK);
      return;
    }
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Keys.inbox(messageId), Keys.INBOX_SK))
                  .updateExpression("REMOVE payload")
                  .conditionExpression("attribute_exists(PK)"));
    } catch (ConditionalCheckFailedException expired) {
      // the inbox item already expired: nothing personal is left there
    }
  }

  private void delete(String pk, String sk) {
    dynamo.deleteItem(r -> r.tableName(table).key(Attr.key(pk, sk)));
  }

  private static String kindOf(String sk) {
    if (sk.startsWith(Keys.EVENT_PREFIX)) {
      return "events";
    }
    if (sk.startsWith(Keys.MESSAGE_PREFIX)) {
      return "messages";
    }
    if (sk.startsWith(Keys.ACCOUNT_PREFIX)) {
      return "accountLinks"; // the shared account item itself stays
    }
    return "other";
  }

  private void writeAudit(ErasureReport report) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(
                Keys.ERASURE_AUDIT_PK, Keys.erasureAudit(report.erasedAt(), report.erasureId())));
    item.put("erasureId", Attr.s(report.erasureId()));
    item.put("erasedAt", Attr.s(report.erasedAt().toString()));
    item.put("counts", Attr.s(Json.write(report.counts())));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }
}
