package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Many rounds of concurrent events linking overlapping identities. After each round: every identity
 * resolves to exactly one live profile, identities linked (transitively) by events share it and no
 * others do, and every event is recorded exactly once, on its person's live profile.
 */
class ConcurrentStitchingIT {
  static final int ROUNDS = 10;
  static final int EVENTS_PER_ROUND = 40;
  static final int THREADS = 8;

  private final EventBatchValidator validator = new EventBatchValidator();
  private final DynamoDbClient dynamo = LocalDynamo.client();
  private final String table = LocalDynamo.newTable();
  private final ProfileService profiles =
      new ProfileService(
          LocalDynamo.profileStore(dynamo, table, ProfileStitchingIT.CLOCK),
          ProfileStitchingIT.CLOCK);

  record Sent(String messageId, List<Identity> identities) {}

  /**
   * Each round goes in two waves, each processed concurrently in whatever order the threads take
   * the events. How many merges happen depends on that order, so the test asserts the part no order
   * can avoid: profiles the first wave leaves apart that the whole round links must be merged by
   * the second wave.
   */
  @Test
  void invariantsHoldUnderRandomInterleavings() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    int forced = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        long seed = 7919L * (round + 1);
        List<Sent> sent = generate("r" + round, new Random(seed));
        String name = "round " + round + " (seed " + seed + ")";
        List<Sent> firstWave = sent.subList(0, sent.size() / 2);
        runConcurrently(pool, firstWave);
        assertInvariants(firstWave, name + ", first wave");
        int merges = runConcurrently(pool, sent.subList(sent.size() / 2, sent.size()));
        assertInvariants(sent, name);
        int needed = mergesNeeded(firstWave, sent);
        assertThat(merges).as(name + ": merges in the second wave").isGreaterThanOrEqualTo(needed);
        forced += needed;
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(forced)
        .as("the rounds must make the concurrent second waves merge profiles")
        .isGreaterThan(ROUNDS);
  }

  /**
   * For each person of the round (identities linked by its events), the profiles the first wave
   * left for them, less one: the merges the second wave owes, whatever the interleaving.
   */
  private static int mergesNeeded(List<Sent> firstWave, List<Sent> round) {
    Map<Identity, Identity> afterFirst = components(firstWave);
    Map<Identity, Identity> person = components(round);
    Map<Identity, Set<Identity>> profilesOfPerson = new HashMap<>();
    for (Identity id : List.copyOf(afterFirst.keySet())) {
      profilesOfPerson
          .computeIfAbsent(find(person, id), k -> new HashSet<>())
          .add(find(afterFirst, id));
    }
    return profilesOfPerson.values().stream().mapToInt(profiles -> profiles.size() - 1).sum();
  }

  /** Union-find parents of the identities the events link. */
  private static Map<Identity, Identity> components(List<Sent> sent) {
    Map<Identity, Identity> parent = new HashMap<>();
    sent.forEach(s -> s.identities().forEach(id -> union(parent, s.identities().get(0), id)));
    return parent;
  }

  private List<Sent> generate(String round, Random random) {
    List<Identity> pool = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pool.add(Identity.of(IdentityNamespace.ANONYMOUS_ID, round + "-anon-" + i));
    }
    for (int i = 0; i < 3; i++) {
      pool.add(Identity.of(IdentityNamespace.EMAIL, round + "-person" + i + "@example.com"));
      pool.add(Identity.of(IdentityNamespace.USER_ID, round + "-user-" + i));
      pool.add(Identity.of(IdentityNamespace.ECID, round + "-ecid-" + i));
    }
    List<Sent> sent = new ArrayList<>();
    for (int e = 0; e < EVENTS_PER_ROUND; e++) {
      int count = 1 + (random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));
      Map<IdentityNamespace, Identity> chosen = new HashMap<>();
      while (chosen.size() < count) {
        Identity pick = pool.get(random.nextInt(pool.size()));
        chosen.putIfAbsent(pick.namespace(), pick);
      }
      sent.add(new Sent(round + "-m" + e, List.copyOf(chosen.values())));
    }
    return sent;
  }

  private InboundEvent toEvent(Sent s) {
    StringBuilder identities = new StringBuilder();
    String userId = null;
    String anonymousId = null;
    for (Identity id : s.identities()) {
      switch (id.namespace()) {
        case USER_ID -> userId = id.value();
        case ANONYMOUS_ID -> anonymousId = id.value();
        default ->
            identities
                .append(identities.isEmpty() ? "" : ",")
                .append('"')
                .append(id.namespace().key())
                .append("\":\"")
                .append(id.value())
                .append('"');
      }
    }
    String json =
        "{\"type\":\"track\",\"event\":\"Seen\",\"messageId\":\""
            + s.messageId()
            + "\""
            + (userId == null ? "" : ",\"userId\":\"" + userId + "\"")
            + (anonymousId == null ? "" : ",\"anonymousId\":\"" + anonymousId + "\"")
            + (identities.isEmpty() ? "" : ",\"identities\":{" + identities + "}")
            + "}";
    return validator.validate("{\"batch\":[" + json + "]}", ProfileStitchingIT.NOW).get(0);
  }

  private int runConcurrently(ExecutorService pool, List<Sent> sent) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ProcessOutcome>> futures = new ArrayList<>();
    for (Sent s : sent) {
      InboundEvent event = toEvent(s);
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return profiles.process(event);
              }));
    }
    start.countDown();
    int merges = 0;
    for (Future<ProcessOutcome> f : futures) {
      merges += f.get().merges();
    }
    return merges;
  }

  private void assertInvariants(List<Sent> sent, String round) {
    Map<Identity, Identity> parent = components(sent);
    Map<Identity, String> profileOf = new HashMap<>();
    for (Identity id : parent.keySet()) {
      Profile p =
          profiles
              .lookup(id)
              .orElseThrow(
                  () -> new AssertionError(round + ": " + id + " resolves to no live profile"));
      assertThat(p.identities()).as(round + ": profile of " + id).contains(id);
      assertThat(directProfileId(id))
          .as(round + ": identity item of " + id + " points at the live profile")
          .isEqualTo(p.id());
      assertThat(p.pendingMoves()).as(round + ": pending moves of " + p.id()).isEmpty();
      profileOf.put(id, p.id());
    }
    for (Identity a : parent.keySet()) {
      for (Identity b : parent.keySet()) {
        boolean sameComponent = find(parent, a).equals(find(parent, b));
        assertThat(profileOf.get(a).equals(profileOf.get(b)))
            .as(round + ": " + a + " and " + b)
            .isEqualTo(sameComponent);
      }
    }
    Map<String, Set<String>> expectedEvents =
        sent.stream()
            .collect(
                Collectors.groupingBy(
                    s -> profileOf.get(s.identities().get(0)),
                    Collectors.mapping(Sent::messageId, Collectors.toSet())));
    expectedEvents.forEach(
        (profileId, messageIds) -> {
          List<String> stored = LocalDynamo.eventIds(table, profileId);
          assertThat(stored).as(round + ": events of " + profileId).doesNotHaveDuplicates();
          assertThat(Set.copyOf(stored))
              .as(round + ": events of " + profileId)
              .isEqualTo(messageIds);
        });
  }

  private String directProfileId(Identity id) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Attr.key(Keys.identity(id), Keys.IDENTITY_SK)))
        .item()
        .get("profileId")
        .s();
  }

  private static Identity find(Map<Identity, Identity> parent, Identity id) {
    parent.putIfAbsent(id, id);
    Identity root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static void union(Map<Identity, Identity> parent, Identity a, Identity b) {
    parent.put(find(parent, a), find(parent, b));
  }
}
