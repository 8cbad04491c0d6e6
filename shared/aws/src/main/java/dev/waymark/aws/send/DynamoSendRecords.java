package dev.waymark.aws.send;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.BatchReads;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Transactions;
import dev.waymark.aws.journey.DynamoJourneyStore;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link SendRecords} on the Waymark table: the ledger entry and the addresses' suppression items
 * in one strongly consistent {@code BatchGetItem}; the ledger's answer, the message log (and the
 * provider message pointer), the trace entry and the step's counter in one {@code
 * TransactWriteItems}, so a step is either answered with all of its records or not at all. The
 * items are those of {@link DynamoSendLedger}, {@link DynamoSuppressions}, {@link DynamoMessageLog}
 * and {@link DynamoJourneyStore}.
 */
public record DynamoSendRecords(DynamoDbClient dynamo, String table, Clock clock)
    implements SendRecords {
  @Override
  public Prior prior(
      String runId, String stepId, List<Address> addresses, Optional<String> layout) {
    Map<String, AttributeValue> ledgerKey = DynamoSendLedger.key(runId, stepId);
    Map<Map<String, AttributeValue>, Address> suppressionKeys = new LinkedHashMap<>();
    for (Address a : addresses) {
      suppressionKeys.putIfAbsent(DynamoSuppressions.key(a.channel(), a.address()), a);
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    keys.add(ledgerKey);
    keys.addAll(suppressionKeys.keySet());
    Map<String, AttributeValue> layoutKey =
        layout.map(id -> Attr.key(Keys.layout(id), Keys.LAYOUT_SK)).orElse(null);
    if (layoutKey != null) {
      keys.add(layoutKey);
    }
    Optional<String> layoutHtml = Optional.empty();
    Optional<SendOutcome> answered = Optional.empty();
    Set<Address> suppressed = new HashSet<>();
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
      Map<String, AttributeValue> key =
          Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
      if (key.equals(ledgerKey)) {
        answered = DynamoSendLedger.answer(item);
      } else if (key.equals(layoutKey)) {
        layoutHtml = Optional.ofNullable(Attr.string(item, "html"));
      } else if (suppressionKeys.containsKey(key)) {
        suppressed.add(suppressionKeys.get(key));
      }
    }
    return new Prior(answered, suppressed, layoutHtml);
  }

  @Override
  public void finish(Finished f) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(
        TransactWriteItem.builder()
            .update(
                DynamoSendLedger.completion(
                    table, f.request().runId(), f.request().stepId(), f.outcome(), clock))
            .build());
    for (Map<String, AttributeValue> item :
        DynamoMessageLog.items(f.profileId(), f.at(), f.request(), f.outcome())) {
      writes.add(put(item));
    }
    writes.add(put(DynamoJourneyStore.traceItem(f.trace())));
    writes.add(
        TransactWriteItem.builder()
            .update(
                DynamoJourneyStore.counterUpdate(
                    table, f.request().journeyId(), f.version(), f.counter(), 1))
            .build());
    Transactions.write(dynamo, writes); // a counter shard's conflict must not lose the outcome
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }
}
