package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.DynamoProfileStore;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.WaitRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A person's wait marker against DynamoDB Local: every registered wait is covered by it (the latest
 * expiry per event name), a batch reads many people's at once, and a merge folds the merged-away
 * person's into the survivor's instead of replacing it.
 */
class WaitMarkersIT {
  static final Instant T0 = Instant.parse("2027-03-08T10:00:00Z");
  final DynamoDbClient dynamo = LocalDynamo.client();
  final String table = LocalDynamo.newTable();
  final DynamoJourneyStore store = new DynamoJourneyStore(dynamo, table);

  WaitRegistration wait(String profileId, String event, String runId, Instant expiresAt) {
    return new WaitRegistration(
        profileId,
        runId,
        "wait-1",
        "cart",
        "1",
        new EventMatcher(event, List.of()),
        null,
        null,
        "token-" + runId,
        expiresAt);
  }

  @Test
  void eachPersonsLatestExpiryPerEventIsReadForManyPeopleAtOnce() {
    Instant week = T0.plus(Duration.ofDays(7));
    store.registerWait(wait("p-1", "Order Completed", "r1", week));
    store.registerWait(wait("p-1", "Order Completed", "r2", T0.plus(Duration.ofDays(2))));
    store.registerWait(wait("p-1", "Cart Viewed", "r3", T0.plus(Duration.ofDays(1))));
    store.registerWait(wait("p-2", "Order Completed", "r4", T0.plus(Duration.ofDays(1))));
    store.registerWait(wait("p-2", "Order Completed", "r5", week.plusSeconds(1)));
    List<String> people = IntStream.range(0, 130).mapToObj(i -> "p-" + i).toList();

    Map<String, Map<String, Instant>> read = store.waitHorizons(people).orElseThrow();

    assertThat(read).hasSize(130);
    assertThat(read.get("p-1")) // an earlier expiry never lowers a later one
        .isEqualTo(Map.of("Order Completed", week, "Cart Viewed", T0.plus(Duration.ofDays(1))));
    assertThat(read.get("p-2")).isEqualTo(Map.of("Order Completed", week.plusSeconds(1)));
    assertThat(read.get("p-129")).isEmpty(); // no marker: no wait was ever registered
  }

  @Test
  void aMergeFoldsTheMergedAwayPersonsMarkerIntoTheSurvivors() {
    Instant loserExpiry = T0.plus(Duration.ofDays(3));
    Instant survivorExpiry = T0.plus(Duration.ofDays(5));
    store.registerWait(wait("loser", "Order Completed", "r1", loserExpiry));
    store.registerWait(wait("loser", "Cart Viewed", "r2", T0.plus(Duration.ofDays(9))));
    store.registerWait(wait("survivor", "Order Completed", "r3", survivorExpiry));
    DynamoProfileStore profiles =
        LocalDynamo.profileStore(dynamo, table, Clock.fixed(T0, ZoneOffset.UTC));

    profiles.moveRecords("loser", "survivor");

    assertThat(store.waitHorizons(List.of("survivor", "loser")).orElseThrow())
        .isEqualTo(
            Map.of(
                "survivor",
                Map.of(
                    "Order Completed", survivorExpiry, "Cart Viewed", T0.plus(Duration.ofDays(9))),
                "loser",
                Map.of()));
    assertThat(store.waitsFor("survivor", "Cart Viewed")).hasSize(1);
    assertThat(store.waitsFor("survivor", "Order Completed")).hasSize(2);
    assertThat(
            dynamo
                .getItem(
                    r -> r.tableName(table).key(Attr.key(Keys.profile("loser"), Keys.WAITS_SK)))
                .hasItem())
        .isFalse();
  }
}
