package dev.waymark.aws.steps;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.journey.steps.JourneySecrets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads attribute {@code webhookSecret} of the journey record {@code JD#<journeyId>}/{@code
 * JOURNEY} (the publish path writes it).
 */
public record DynamoJourneySecrets(DynamoDbClient dynamo, String table) implements JourneySecrets {
  @Override
  public Optional<String> webhookSecret(String journeyId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .consistentRead(true)
                        .projectionExpression("webhookSecret")
                        .key(Attr.key(Keys.journey(journeyId), Keys.JOURNEY_SK)))
            .item();
    return Optional.ofNullable(item == null ? null : Attr.string(item, "webhookSecret"))
        .filter(s -> !s.isBlank());
  }
}
