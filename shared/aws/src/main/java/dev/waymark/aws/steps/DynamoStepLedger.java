package dev.waymark.aws.steps;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.journey.DynamoJourneyStore;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.steps.StepContext;
import dev.waymark.core.journey.steps.StepLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The steps ledger, {@code ST#<runId>#<stepId>}/{@code STEP} (attributes {@code at}, {@code
 * counter}, {@code ttl}): written only if absent; a recorded count is that put and the counter's
 * {@code ADD} in one transaction.
 */
public record DynamoStepLedger(DynamoDbClient dynamo, String table, Clock clock)
    implements StepLedger {
  private static final Duration RETENTION = Duration.ofDays(400);

  @Override
  public boolean recordOnce(StepContext step, JourneyCounter counter) {
    Map<String, AttributeValue> item = item(step, clock.instant());
    item.put("counter", Attr.s(counter.name()));
    TransactWriteItem put = Conditions.putIfAbsent(table, item);
    TransactWriteItem count =
        TransactWriteItem.builder()
            .update(
                DynamoJourneyStore.counterUpdate(
                    table, step.journeyId(), step.version(), counter, 1))
            .build();
    try {
      dynamo.transactWriteItems(r -> r.transactItems(put, count));
      return true;
    } catch (TransactionCanceledException e) {
      if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<JourneyCounter> recorded(StepContext step) {
    String counter = Attr.string(ledgerItem(step), "counter");
    return counter == null ? Optional.empty() : JourneyCounter.parse(counter);
  }

  @Override
  public Instant claim(StepContext step, Instant now) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item(step, now))
                  .conditionExpression("attribute_not_exists(PK)"));
      return now;
    } catch (ConditionalCheckFailedException claimed) {
      Map<String, AttributeValue> existing = ledgerItem(step);
      return Instant.parse(Attr.string(existing, "at"));
    }
  }

  /** The ledger item of (run, step), read consistently; empty when there is none. */
  private Map<String, AttributeValue> ledgerItem(StepContext step) {
    return dynamo
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Attr.key(
                            Keys.stepLedger(step.runId(), step.ledgerStep()), Keys.STEP_LEDGER_SK)))
        .item();
  }

  private static Map<String, AttributeValue> item(StepContext step, Instant at) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(Keys.stepLedger(step.runId(), step.ledgerStep()), Keys.STEP_LEDGER_SK));
    item.put("journeyId", Attr.s(step.journeyId()));
    item.put("at", Attr.s(at.toString()));
    item.put("ttl", Attr.n(at.plus(RETENTION).getEpochSecond()));
    return item;
  }
}
