package dev.waymark.aws.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.segment.AudienceDueEntries.DueEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Audience-schedule entries on DynamoDB Local, in more than one BatchWriteItem (over 25): filed
 * under their hour, found by it, and all gone after {@code doneAll}; the hour stays marked.
 */
class DynamoAudienceDueEntriesIT {
  private static final Instant HOUR = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void entriesFiledInBatchesAreFoundByTheirHourAndAllRemovedTogether() {
    DynamoDbClient dynamo = LocalDynamo.client();
    DynamoAudienceDueEntries due = new DynamoAudienceDueEntries(dynamo, LocalDynamo.newTable());
    List<DueEntry> entries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      entries.add(new DueEntry("weekly", "p-" + i, "2026-11-30", HOUR));
    }
    DueEntry later = new DueEntry("weekly", "p-late", "2026-11-30", HOUR.plusSeconds(3600));
    due.scheduleAll(entries);
    due.schedule(later);

    assertThat(due.dueAt(HOUR)).containsExactlyInAnyOrderElementsOf(entries);
    assertThat(due.nextDueHour(HOUR.minusSeconds(1))).contains(HOUR);

    due.doneAll(due.dueAt(HOUR));

    assertThat(due.dueAt(HOUR)).isEmpty();
    assertThat(due.dueAt(later.hour())).containsExactly(later);
  }
}
