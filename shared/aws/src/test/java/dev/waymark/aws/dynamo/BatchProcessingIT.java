package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.segment.DynamoSegmentDueChecks;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.SegmentCatalog;
import dev.waymark.core.segment.SegmentEvaluator;
import dev.waymark.core.segment.SegmentYaml;
import dev.waymark.ddblocal.DynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * A stream batch processed on DynamoDB Local: the batch's identities and profiles are read in
 * batched reads up front, what a pass wrote is not read back, and the outcome is what processing
 * the events one by one gives.
 */
class BatchProcessingIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final EventBatchValidator validator = new EventBatchValidator();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private DynamoDbClient counted;
  private EventProcessing processing;
  private ProfileService profiles;

  @BeforeEach
  void setUp() {
    DynamoDbClient shared = LocalDynamo.client();
    counted =
        DynamoDbClient.builder()
            .endpointOverride(shared.serviceClientConfiguration().endpointOverride().orElseThrow())
            .region(Region.US_EAST_1)
            .credentialsProvider(DynamoDbLocal.localCredentials())
            .overrideConfiguration(o -> o.addExecutionInterceptor(new Counter()))
            .build();
    table = LocalDynamo.newTable();
    profiles = new ProfileService(LocalDynamo.profileStore(counted, table, CLOCK), CLOCK);
    processing = new EventProcessing(profiles, List.of(), 4);
  }

  private String table;

  @Test
  void aBatchReadsItsKnownPeoplesMembershipsInOneRequest() {
    DynamoSegmentMemberships memberships =
        new DynamoSegmentMemberships(counted, table, Duration.ofDays(7), CLOCK);
    DynamoProfileStore store =
        new DynamoProfileStore(counted, table, CLOCK, Duration.ofDays(400), memberships);
    SegmentEvaluator evaluator =
        new SegmentEvaluator(
            new SegmentCatalog(
                List.of(SegmentYaml.parse("id: viewers\nrule: { event: Viewed }", "t"))),
            memberships,
            new DynamoSegmentDueChecks(counted, table),
            new DynamoProfileRecords(counted, table, store, memberships, CLOCK),
            new DynamoAccountStore(counted, table),
            CLOCK);
    processing = new EventProcessing(new ProfileService(store, CLOCK), List.of(evaluator), 4);
    List<InboundEvent> first = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      first.add(track("\"userId\":\"m" + p + "\"", "join-" + p));
    }
    processAll(first); // new people: they enter "viewers", reading nothing
    calls.clear();

    List<InboundEvent> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(track("\"userId\":\"m" + i % 10 + "\"", "again-" + i));
    }
    assertThat(processAll(batch)).allMatch(r -> r instanceof EventProcessing.Result.Processed);

    // identities, profiles, then the ten people's memberships of "viewers" together
    assertThat(calls("BatchGetItem identities")).isEqualTo(1);
    assertThat(calls("BatchGetItem memberships")).isEqualTo(1);
    // each event's timeline; a membership query only for the second events of m0 and m1
    assertThat(calls("Query")).isEqualTo(12 + 2);
    assertThat(calls("TransactWriteItems")).isZero(); // no trait and no membership changes
    for (int p = 0; p < 10; p++) {
      assertThat(
              memberships
                  .of(
                      profiles
                          .lookup(Identity.of(IdentityNamespace.USER_ID, "m" + p))
                          .orElseThrow()
                          .id())
                  .get("viewers")
                  .history())
          .hasSize(1); // entered once, never again
    }
  }

  /** What a BatchGetItem reads: identities, profiles or segment memberships. */
  private static String readOf(BatchGetItemRequest read) {
    List<String> sks =
        read.requestItems().values().stream()
            .flatMap(k -> k.keys().stream())
            .map(key -> key.get(Keys.SK).s())
            .toList();
    if (sks.stream().anyMatch(sk -> sk.startsWith(Keys.SEGMENT_PREFIX))) {
      return "memberships";
    }
    return sks.contains(Keys.IDENTITY_SK) ? "identities" : "profiles";
  }

  /** Counts every call by operation (a BatchGetItem by what it reads). */
  private final class Counter implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      if (context.request() instanceof BatchGetItemRequest read) {
        operation += " " + readOf(read); // the batch's reads ahead, or workers' grouped checks
      }
      calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }
  }

  private long calls(String operation) {
    LongAdder count = calls.get(operation);
    return count == null ? 0 : count.sum();
  }

  private InboundEvent event(String json) {
    return validator.validate("{\"batch\":[" + json + "]}", NOW).get(0);
  }

  private InboundEvent track(String id, String messageId) {
    return event(
        "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"" + messageId + "\"," + id + "}");
  }

  private List<EventProcessing.Result> processAll(List<InboundEvent> events) {
    return processing.processAll(events, e -> e);
  }

  @Test
  void aBatchOfKnownPeopleReadsOnceAndWritesEachEventOnce() {
    List<InboundEvent> first = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      first.add(track("\"userId\":\"u" + p + "\"", "first-" + p));
    }
    assertThat(processAll(first)).allMatch(r -> r instanceof EventProcessing.Result.Processed);
    long before =
        profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "u0")).orElseThrow().version();
    calls.clear();

    List<InboundEvent> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(track("\"userId\":\"u" + i % 10 + "\"", "again-" + i));
    }
    List<EventProcessing.Result> results = processAll(batch);

    assertThat(results).allMatch(r -> r instanceof EventProcessing.Result.Processed);
    assertThat(calls("BatchGetItem identities")).isEqualTo(1);
    // no event changes a trait: each is one conditional put and a read of its profile's status
    // (still live), no transaction, and no read of an identity or profile the batch read already;
    // the workers' status reads that overlap go as one request (GroupedReads): each person's three
    // events go one after another, so at least three requests, at most one per event
    assertThat(calls("PutItem")).isEqualTo(30);
    long statusReads = calls("GetItem") + calls("BatchGetItem profiles") - 1; // - the read ahead
    assertThat(statusReads).isBetween(3L, 30L);
    assertThat(calls("TransactWriteItems")).isZero();
    Profile u0 = profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "u0")).orElseThrow();
    // events without traits change nothing on the profile: it is checked, not written
    assertThat(u0.version()).isEqualTo(before);
    assertThat(LocalDynamo.eventIds(table, u0.id()))
        .hasSize(4); // its first event and three more, none lost
    assertThat(processing.recordedEvents()).isEqualTo(10 + 30);
  }

  @Test
  void newPeopleAStitchAndAMergeInOneBatchEndAsOneByOneProcessingWould() {
    processAll(List.of(track("\"anonymousId\":\"a1\"", "setup-a1")));
    processAll(List.of(track("\"userId\":\"sarah\"", "setup-sarah")));
    calls.clear();

    List<EventProcessing.Result> results =
        processAll(
            List.of(
                track("\"userId\":\"new-1\"", "n1"),
                track("\"userId\":\"new-1\"", "n2"),
                event(
                    "{\"type\":\"identify\",\"messageId\":\"i1\",\"userId\":\"sarah\","
                        + "\"anonymousId\":\"a1\",\"traits\":{\"firstName\":\"Sarah\"}}"),
                track("\"anonymousId\":\"a1\"", "after-merge"),
                event(
                    "{\"type\":\"identify\",\"messageId\":\"i2\",\"userId\":\"new-1\","
                        + "\"anonymousId\":\"a9\"}")));

    assertThat(results).allMatch(r -> r instanceof EventProcessing.Result.Processed);
    Profile sarah = profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "sarah")).orElseThrow();
    assertThat(profiles.lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "a1")))
        .map(Profile::id)
        .contains(sarah.id());
    assertThat(sarah.traits().values().path("firstName").asText()).isEqualTo("Sarah");
    assertThat(sarah.pendingMoves()).isEmpty();
    Profile newOne = profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "new-1")).orElseThrow();
    assertThat(profiles.lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "a9")))
        .map(Profile::id)
        .contains(newOne.id());
    assertThat(((EventProcessing.Result.Processed) results.get(0)).outcome().createdProfile())
        .isTrue();
    assertThat(((EventProcessing.Result.Processed) results.get(2)).outcome().merges()).isEqualTo(1);
    assertThat(calls("BatchGetItem identities")).isEqualTo(1);
  }

  @Test
  void aRedeliveredBatchIsRecordedOnce() {
    List<InboundEvent> batch =
        List.of(track("\"userId\":\"r1\"", "r-1"), track("\"userId\":\"r1\"", "r-2"));
    processAll(batch);
    long once =
        profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "r1")).orElseThrow().version();

    List<EventProcessing.Result> again = processAll(batch);

    assertThat(again)
        .allSatisfy(
            r -> assertThat(((EventProcessing.Result.Processed) r).outcome().recorded()).isFalse());
    assertThat(
            profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "r1")).orElseThrow().version())
        .isEqualTo(once);
  }
}
