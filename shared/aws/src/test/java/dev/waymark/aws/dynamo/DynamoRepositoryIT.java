package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The inbox, write-key and records adapters against DynamoDB Local. */
class DynamoRepositoryIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final DynamoDbClient dynamo = LocalDynamo.client();
  private final String table = LocalDynamo.newTable();
  private final DynamoEventInbox inbox = new DynamoEventInbox(dynamo, table, Duration.ofDays(7));
  private final DynamoProfileStore store = LocalDynamo.profileStore(dynamo, table, CLOCK);
  private final DynamoProfileRecords records =
      new DynamoProfileRecords(
          dynamo,
          table,
          store,
          new DynamoSegmentMemberships(dynamo, table, Duration.ofDays(7)),
          CLOCK);
  private final ProfileService profiles = new ProfileService(store, CLOCK);
  private final List<String> stopped = new ArrayList<>(); // runs erasure stopped: none here

  private static InboundEvent event(String messageId, String anonymousId, String timestamp) {
    return new InboundEvent(
        Json.parseObject(
            """
        {"type":"track","event":"Viewed","messageId":"%s","anonymousId":"%s","timestamp":"%s","properties":{"secret":"PRIVATE-%s"}}"""
                .formatted(messageId, anonymousId, timestamp, messageId)),
        NOW.minusSeconds(5));
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return dynamo.getItem(r -> r.tableName(table).key(Attr.key(pk, sk))).item();
  }

  private List<Map<String, AttributeValue>> allItems() {
    return dynamo.scanPaginator(r -> r.tableName(table)).items().stream().toList();
  }

  @Test
  void aBatchIsStoredInBatchesAndEachMessageIdOnlyOnce() {
    assertThat(inbox.accept(event("stored", "a0", "2026-11-24T09:00:00Z"), "web")).isTrue();
    List<InboundEvent> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      batch.add(event("b" + i, "a" + i, "2026-11-24T09:00:00Z"));
    }
    batch.add(event("b7", "someone-else", "2026-11-24T09:30:00Z")); // repeated within the batch
    batch.add(event("stored", "someone-else", "2026-11-24T09:30:00Z")); // stored before

    List<Boolean> accepted = inbox.acceptAll(batch, "ios");

    assertThat(accepted).hasSize(62).startsWith(true).endsWith(false, false);
    assertThat(accepted.subList(0, 60)).containsOnly(true);
    assertThat(allItems()).hasSize(61);
    assertThat(Attr.string(item(Keys.inbox("stored"), Keys.INBOX_SK), "source")).isEqualTo("web");
    assertThat(DynamoEventInbox.eventOf(item(Keys.inbox("b7"), Keys.INBOX_SK)).identities())
        .isEqualTo(batch.get(7).identities());
    // the whole batch again: every one a duplicate, nothing written
    assertThat(inbox.acceptAll(batch, "ios")).containsOnly(false);
    assertThat(allItems()).hasSize(61);
  }

  @Test
  void theInboxStoresAnEventOnceWithItsSourceAndExpiry() {
    InboundEvent first = event("m1", "a1", "2026-11-24T09:00:00+01:00");
    InboundEvent sameId = event("m1", "someone-else", "2026-11-24T09:30:00Z");

    assertThat(inbox.accept(first, "web")).isTrue();
    assertThat(inbox.accept(sameId, "ios")).isFalse();

    Map<String, AttributeValue> stored = item(Keys.inbox("m1"), Keys.INBOX_SK);
    assertThat(Attr.string(stored, "source")).isEqualTo("web");
    assertThat(Attr.string(stored, "receivedAt")).isEqualTo(first.receivedAt().toString());
    assertThat(Attr.number(stored, "ttl"))
        .isEqualTo(first.receivedAt().plus(Duration.ofDays(7)).getEpochSecond());

    InboundEvent back = DynamoEventInbox.eventOf(stored);
    assertThat(back.identities()).isEqualTo(first.identities());
    assertThat(back.timestamp()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(back.receivedAt()).isEqualTo(first.receivedAt());
    assertThat(back.properties()).isEqualTo(first.properties());
  }

  @Test
  void writeKeysAreFoundByTheirHashOnly() {
    DynamoWriteKeyStore keys = new DynamoWriteKeyStore(dynamo, table, CLOCK);
    keys.store("abc123", "web");

    assertThat(keys.sourceOf("abc123")).contains("web");
    assertThat(keys.sourceOf("abc124")).isEmpty();
    Map<String, AttributeValue> stored = item(Keys.writeKey("abc123"), Keys.WRITE_KEY_SK);
    assertThat(Attr.string(stored, "createdAt")).isEqualTo(NOW.toString());
  }

  private String personWithEvents(String anonymousId, int count) {
    String profileId = null;
    for (int i = 1; i <= count; i++) {
      profileId =
          profiles
              .process(
                  event(anonymousId + "-" + i, anonymousId, "2026-11-%02dT10:00:00Z".formatted(i)))
              .profileId();
    }
    return profileId;
  }

  private List<String> messageIds(Page<ObjectNode> page) {
    return page.items().stream().map(e -> e.path("messageId").asText()).toList();
  }

  @Test
  void theTimelineIsPagedNewestFirstUntilTheCursorRunsOut() {
    String id = personWithEvents("t", 5);
    personWithEvents("other", 2);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<ObjectNode> page = records.timeline(id, 2, cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      seen.addAll(messageIds(page));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactly("t-5", "t-4", "t-3", "t-2", "t-1");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void theLastPageHasNoCursorWhenTheEventsDivideIntoPagesEvenly() {
    String id = personWithEvents("even", 4);
    Page<ObjectNode> first = records.timeline(id, 2, null);
    Page<ObjectNode> second = records.timeline(id, 2, first.nextCursor());
    assertThat(messageIds(second)).containsExactly("even-2", "even-1");
    assertThat(second.nextCursor()).as("docs/api.md: nextCursor is null on the last page").isNull();
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%%%not-base64",
        "I#userId#sarah",
        "PROFILE",
        "",
        "e1\nanother-profile\nE#2026-11-24T08:00:00Z#m",
        "E#2026-11-24T08:00:00Z#m"
      })
  void aCursorTheApiDidNotIssueIsRefusedNamingTheCursor(String raw) {
    String id = personWithEvents("c", 1);
    String cursor = raw.startsWith("%") ? raw : encode(raw);
    assertThatThrownBy(() -> records.timeline(id, 2, cursor))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors())
                  .singleElement()
                  .satisfies(f -> assertThat(f.field()).isEqualTo("cursor"));
            });
  }

  @Test
  void eraseDeletesAMergedPersonAndCountsWhatWent() {
    String anonymous = personWithEvents("laptop", 2);
    profiles.process(
        new InboundEvent(
            Json.parseObject(
                "{\"type\":\"identify\",\"messageId\":\"i1\",\"userId\":\"erin\",\"traits\":{\"email\":\"erin@example.com\"}}"),
            NOW));
    InboundEvent link =
        new InboundEvent(
            Json.parseObject(
                "{\"type\":\"identify\",\"messageId\":\"i2\",\"userId\":\"erin\",\"anonymousId\":\"laptop\"}"),
            NOW);
    inbox.accept(event("laptop-1", "laptop", "2026-11-01T10:00:00Z"), "web");
    profiles.process(link);
    personWithEvents("bystander", 1);
    Profile erin = profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "erin")).orElseThrow();
    assertThat(erin.mergedFrom()).containsExactly(anonymous);
    WaitMarkers.note(dynamo, table, erin.id(), "Order Completed", NOW.plusSeconds(3600));

    ErasureReport report = records.erase(erin, stopped::add);

    assertThat(report.counts())
        .containsEntry("events", 4)
        .containsEntry("profiles", 2)
        .containsEntry("identities", 3);
    assertThat(report.erasedAt()).isEqualTo(NOW);
    assertThat(profiles.resolve(erin.id())).isEmpty();
    assertThat(profiles.resolve(anonymous)).isEmpty();
    assertThat(profiles.lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "laptop"))).isEmpty();
    Map<String, AttributeValue> scrubbed = item(Keys.inbox("laptop-1"), Keys.INBOX_SK);
    assertThat(scrubbed)
        .as("the inbox item stays for de-duplication")
        .containsKey("ttl")
        .doesNotContainKey("payload");
    String everything = allItems().toString();
    assertThat(everything)
        .doesNotContain(
            "PRIVATE-laptop", "erin@example.com", "anonymousId#laptop", erin.id(), anonymous)
        .contains("bystander");
    assertThat(allItems())
        .filteredOn(i -> i.get("PK").s().equals("AUDIT#erasure"))
        .singleElement()
        .satisfies(
            audit ->
                assertThat(Json.parse(Attr.string(audit, "counts")))
                    .isEqualTo(Json.MAPPER.valueToTree(report.counts())));
  }

  @Test
  void anErasureCanBeRepeated() {
    personWithEvents("twice", 1);
    Profile p = profiles.lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "twice")).orElseThrow();
    assertThat(records.erase(p, stopped::add).counts()).containsEntry("events", 1);
    assertThat(records.erase(p, stopped::add).counts()).isEmpty();
  }
}
