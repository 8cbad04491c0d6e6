package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessingNote;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Merges of any size against DynamoDB Local: a loser with more identities than one transaction
 * holds is moved in chunks; a crash between chunks loses nothing and is finished by the next event;
 * the identity limit refuses visibly.
 */
class LargeMergeIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final EventBatchValidator validator = new EventBatchValidator();
  private final DynamoDbClient real = LocalDynamo.client();
  private final String table = LocalDynamo.newTable();
  private final CrashAfter crash = new CrashAfter(real);
  private final DynamoDbClient dynamo =
      (DynamoDbClient)
          Proxy.newProxyInstance(
              DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, crash);
  private final DynamoSegmentMemberships memberships =
      new DynamoSegmentMemberships(dynamo, table, Duration.ofDays(7));
  private final DynamoProfileStore store =
      new DynamoProfileStore(dynamo, table, CLOCK, Duration.ofDays(400), memberships);
  private final Deque<String> ids = new ArrayDeque<>();
  private final ProfileService profiles = new ProfileService(store, CLOCK, ids::pop);
  private final DynamoProfileRecords records =
      new DynamoProfileRecords(dynamo, table, store, memberships, CLOCK);
  private int messages;

  /** Fails the n-th TransactWriteItems call after being armed, as a crash of the process would. */
  static final class CrashAfter implements InvocationHandler {
    private final DynamoDbClient target;
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile int failAt = -1;

    CrashAfter(DynamoDbClient target) {
      this.target = target;
    }

    void arm(int nthTransaction) {
      transactions.set(0);
      failAt = nthTransaction;
    }

    void disarm() {
      failAt = -1;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("transactWriteItems")
          && failAt > 0
          && transactions.incrementAndGet() == failAt) {
        throw SdkClientException.create("injected crash");
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private InboundEvent event(String json) {
    messages++;
    String withId =
        json.replaceFirst(
            "\\{",
            "{\"messageId\":\"m-"
                + messages
                + "\",\"timestamp\":\""
                + NOW.minusSeconds(100_000 - messages)
                + "\",");
    return validator.validate("{\"batch\":[" + withId + "]}", NOW).get(0);
  }

  /**
   * A known person (userId) on profile {@code profileId} with 1 + 3 × {@code devices} identities
   * (each device an anonymousId, an ecid and a push token, claimed 90 at a time as events would
   * claim them a few at a time) and three events, the last on a device.
   */
  private Profile person(String profileId, String userId, int devices) {
    ids.add(profileId);
    profiles.process(event("{\"type\":\"identify\",\"userId\":\"" + userId + "\"}"));
    List<Identity> more = new java.util.ArrayList<>();
    for (int i = 0; i < devices; i++) {
      for (String ns : List.of("anonymousId#%s-a%d", "ecid#%s-e%d", "pushToken#%s-p%d")) {
        more.add(Identity.fromKey(ns.formatted(userId, i)));
      }
    }
    for (int from = 0; from < more.size(); from += 90) {
      List<Identity> chunk = more.subList(from, Math.min(more.size(), from + 90));
      store.attach(store.find(profileId).orElseThrow().withIdentities(chunk, NOW), chunk);
    }
    profiles.process(event("{\"type\":\"track\",\"event\":\"A\",\"userId\":\"" + userId + "\"}"));
    if (devices > 0) {
      profiles.process(
          event("{\"type\":\"track\",\"event\":\"B\",\"anonymousId\":\"" + userId + "-a0\"}"));
    }
    return store.find(profileId).orElseThrow();
  }

  private List<String> pointers(Set<Identity> identities) {
    return identities.stream().map(i -> store.profileIdOf(i).orElse("nowhere")).toList();
  }

  @Test
  void aLoserWithMoreIdentitiesThanOneTransactionHoldsIsMergedWhole() {
    person("a-survivor", "sam", 0);
    Profile loser = person("b-loser", "big", 50);
    assertThat(loser.identities()).hasSize(151);

    ProcessOutcome linked =
        profiles.process(
            event("{\"type\":\"identify\",\"userId\":\"sam\",\"anonymousId\":\"big-a7\"}"));

    assertThat(linked.profileId()).isEqualTo("a-survivor");
    assertThat(linked.merges()).isEqualTo(1);
    Profile survivor = store.find("a-survivor").orElseThrow();
    assertThat(survivor.identities()).hasSize(152).containsAll(loser.identities());
    assertThat(survivor.pendingMoves()).isEmpty();
    assertThat(pointers(loser.identities())).hasSize(151).containsOnly("a-survivor");
    assertThat(store.find("b-loser").orElseThrow().mergedInto()).isEqualTo("a-survivor");
    assertThat(records.timeline("b-loser", 100, null).items()).isEmpty();
    assertThat(eventCount("a-survivor")).isEqualTo(2 + 3 + 1);
  }

  @Test
  void aCrashBetweenChunksLosesNothingAndTheNextEventFinishesTheMerge() {
    person("a-survivor", "sam", 0);
    Profile loser = person("b-loser", "big", 50);
    InboundEvent link =
        event("{\"type\":\"identify\",\"userId\":\"sam\",\"anonymousId\":\"big-a7\"}");
    crash.arm(3); // the merge, the first 100 identities, then the crash
    assertThatThrownBy(() -> profiles.process(link)).hasMessageContaining("injected crash");
    crash.disarm();

    Profile halfWay = store.find("a-survivor").orElseThrow();
    assertThat(halfWay.pendingMoves()).containsExactly("b-loser");
    assertThat(pointers(loser.identities())).contains("b-loser", "a-survivor");
    assertThat(loser.identities())
        .allSatisfy(i -> assertThat(profiles.lookup(i).orElseThrow().id()).isEqualTo("a-survivor"));

    ProcessOutcome next =
        profiles.process(event("{\"type\":\"track\",\"event\":\"Opened\",\"userId\":\"big\"}"));
    assertThat(next.profileId()).isEqualTo("a-survivor");
    assertThat(next.movesFinished()).isEqualTo(1);
    assertThat(next.joinedProfiles()).isTrue();
    assertThat(pointers(loser.identities())).containsOnly("a-survivor");
    assertThat(store.find("a-survivor").orElseThrow().pendingMoves()).isEmpty();

    ProcessOutcome retried = profiles.process(link); // the stream retries the crashed event
    assertThat(retried.recorded()).isTrue();
    assertThat(retried.merges()).isZero();
    assertThat(eventCount("a-survivor")).isEqualTo(2 + 3 + 2);
    assertThat(records.timeline("b-loser", 100, null).items()).isEmpty();
  }

  @Test
  void theIdentityLimitRefusesMergesAndLinksVisiblyAndKeepsTheEvent() {
    Profile full = person("a-full", "full", 166);
    profiles.process(
        event(
            "{\"type\":\"track\",\"event\":\"Opened\",\"userId\":\"full\",\"anonymousId\":\"x\"}"));
    assertThat(store.find("a-full").orElseThrow().identities()).hasSize(Profile.MAX_IDENTITIES);
    person("b-other", "other", 0);

    ProcessOutcome link =
        profiles.process(
            event("{\"type\":\"identify\",\"userId\":\"other\",\"anonymousId\":\"full-a3\"}"));
    assertThat(link.profileId()).isEqualTo("a-full");
    assertThat(link.merges()).isZero();
    assertThat(store.find("b-other").orElseThrow().live()).isTrue();
    assertThat(notesOfNewest("a-full"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.path("code").asText()).isEqualTo(ProcessingNote.IDENTITY_LIMIT);
              assertThat(n.path("detail").asText())
                  .contains("b-other", "not merged", "at most " + Profile.MAX_IDENTITIES);
            });

    profiles.process(
        event(
            "{\"type\":\"track\",\"event\":\"Opened\",\"userId\":\"full\",\"anonymousId\":\"one-more\"}"));
    assertThat(store.profileIdOf(Identity.fromKey("anonymousId#one-more"))).isEmpty();
    assertThat(notesOfNewest("a-full").get(0).path("detail").asText())
        .startsWith("1 new identities were not linked");
    assertThat(eventCount("a-full")).isEqualTo(3 + 1 + 1 + 1); // every event kept
    assertThat(full.identities()).hasSize(Profile.MAX_IDENTITIES - 1);
  }

  @Test
  void aSenderCannotForgeNotes() {
    person("a-p", "p", 0);
    profiles.process(
        event(
            "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"p\",\"waymarkNotes\":[{\"code\":\"fake\"}]}"));
    assertThat(records.timeline("a-p", 1, null).items().get(0).has("waymarkNotes")).isFalse();
  }

  @Test
  void aProfileCreatedWithNotesShowsThemOnItsFirstEvent() {
    InboundEvent first = event("{\"type\":\"identify\",\"userId\":\"n\"}");
    ProcessingNote note = new ProcessingNote(ProcessingNote.TRAIT_LIMIT, "traits not applied");
    store.create(
        Profile.create("a-n", List.of(Identity.fromKey("userId#n")), NOW), first, List.of(note));
    ObjectNode shown = records.timeline("a-n", 1, null).items().get(0);
    assertThat(notesOfNewest("a-n"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.path("code").asText()).isEqualTo(ProcessingNote.TRAIT_LIMIT);
              assertThat(n.path("detail").asText()).isEqualTo("traits not applied");
            });
    assertThat(shown.path("messageId").asText()).isEqualTo(first.messageId());
  }

  private int eventCount(String profileId) {
    int count = 0;
    String cursor = null;
    do {
      var page = records.timeline(profileId, 100, cursor);
      count += page.items().size();
      cursor = page.nextCursor();
    } while (cursor != null);
    return count;
  }

  private List<com.fasterxml.jackson.databind.JsonNode> notesOfNewest(String profileId) {
    ObjectNode newest = records.timeline(profileId, 1, null).items().get(0);
    List<com.fasterxml.jackson.databind.JsonNode> notes = new java.util.ArrayList<>();
    newest.path("waymarkNotes").forEach(notes::add);
    return notes;
  }
}
