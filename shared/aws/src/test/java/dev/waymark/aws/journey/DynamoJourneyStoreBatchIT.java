package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.journey.EntryDecision;
import dev.waymark.core.journey.Membership;
import dev.waymark.core.journey.TraceEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The journey store's batch paths against DynamoDB Local, as an audience run uses them: many
 * memberships in one read (none for who never entered), many traces in one write, each key still
 * stored once when some were recorded before.
 */
class DynamoJourneyStoreBatchIT {
  static final Instant T0 = Instant.parse("2027-03-08T10:00:00Z");
  final DynamoJourneyStore store =
      new DynamoJourneyStore(LocalDynamo.client(), LocalDynamo.newTable());

  @Test
  void membershipsOfManyPeopleAreReadTogetherPastOneBatch() {
    List<String> people = IntStream.range(0, 130).mapToObj(i -> "p-" + i).toList();
    for (int i = 0; i < 130; i += 2) {
      store.saveMembership(
          Membership.none("reactivation", "p-" + i)
              .entered(
                  new Membership.Entry(T0, "k-" + i, EntryDecision.ENTERED),
                  T0.plus(Duration.ofDays(28))));
    }
    Map<String, Membership> read = store.memberships("reactivation", people);
    assertThat(read).hasSize(130);
    for (int i = 0; i < 130; i++) {
      Membership m = read.get("p-" + i);
      assertThat(m).isEqualTo(store.membership("reactivation", "p-" + i));
      assertThat(m.lockedUntil()).isEqualTo(i % 2 == 0 ? T0.plus(Duration.ofDays(28)) : null);
    }
  }

  @Test
  void tracesAreWrittenTogetherAndAKeyRecordedBeforeKeepsItsFirstDecision() {
    TraceEntry earlier = trace("p-3", T0.minusSeconds(60), "entered");
    store.trace(earlier);
    List<TraceEntry> batch = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      batch.add(trace("p-" + i, T0, "locked"));
    }
    store.traceAll(batch);
    for (int i = 0; i < 120; i++) {
      assertThat(store.traces("p-" + i))
          .as("p-" + i)
          .containsExactly(i == 3 ? earlier : batch.get(i));
    }
  }

  static TraceEntry trace(String profileId, Instant at, String decision) {
    return new TraceEntry(
        at,
        profileId,
        "reactivation",
        null,
        "entry",
        decision,
        "locked for P28D after the last entry",
        "aud:reactivation:" + profileId + ":reactivation-weekly:2027-03-08#entry#reactivation");
  }
}
