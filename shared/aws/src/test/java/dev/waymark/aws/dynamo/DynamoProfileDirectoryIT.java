package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.profile.ProfileStatus;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The segment preview's profile source on DynamoDB Local: every live profile exactly once, across
 * the LiveProfileIndex's shards and pages of any size; a merged-away profile leaves the index.
 */
class DynamoProfileDirectoryIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  final EventBatchValidator validator = new EventBatchValidator();
  final DynamoDbClient dynamo = LocalDynamo.client();
  final String table = LocalDynamo.newTable();
  final ProfileService profiles =
      new ProfileService(new DynamoProfileStore(dynamo, table, CLOCK, Duration.ofDays(400)), CLOCK);
  final DynamoProfileDirectory directory = new DynamoProfileDirectory(dynamo, table);

  String process(String json) {
    return profiles
        .process(validator.validate("{\"batch\":[" + json + "]}", NOW).get(0))
        .profileId();
  }

  List<String> all(int pageSize) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<Profile> page = directory.page(pageSize, cursor);
      page.items().forEach(p -> ids.add(p.id()));
      assertThat(page.items()).allMatch(p -> p.status() == ProfileStatus.live);
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  @Test
  void everyLiveProfileOnceAcrossShardsAndPagesAndNoMergedOne() {
    Set<String> live = new HashSet<>();
    for (int i = 0; i < 45; i++) {
      live.add(
          process(
              "{\"type\":\"identify\",\"messageId\":\"i"
                  + i
                  + "\",\"userId\":\"user-"
                  + i
                  + "\"}"));
    }
    String visitor =
        process(
            "{\"type\":\"page\",\"messageId\":\"p1\",\"anonymousId\":\"anon-1\",\"name\":\"x\"}");
    String known = process("{\"type\":\"identify\",\"messageId\":\"k1\",\"userId\":\"known\"}");
    live.add(visitor);
    live.add(known);
    assertThat(all(500)).hasSize(47).containsExactlyInAnyOrderElementsOf(live);

    String survivor =
        process(
            "{\"type\":\"identify\",\"messageId\":\"m1\",\"anonymousId\":\"anon-1\",\"userId\":\"known\"}");
    String mergedAway = survivor.equals(visitor) ? known : visitor;
    live.remove(mergedAway);

    for (int pageSize : new int[] {1, 7, 46, 500}) {
      assertThat(all(pageSize))
          .as("page size " + pageSize)
          .hasSize(46)
          .containsExactlyInAnyOrderElementsOf(live);
    }
    assertThat(live.stream().map(Keys::liveShard).distinct().count())
        .as("spread over several shards")
        .isGreaterThan(8);
  }

  @Test
  void anEmptyTableIsOneEmptyPageAfterAnother() {
    assertThat(all(10)).isEmpty();
  }
}
