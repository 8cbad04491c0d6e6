package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.segment.DynamoSegmentDueChecks;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.core.account.Account;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.SegmentCatalog;
import dev.waymark.core.segment.SegmentEvaluator;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentYaml;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Group calls on DynamoDB Local: one shared account item per groupId, a link per member, segment
 * rules on {@code account.<trait>} reading the linked accounts, merges carrying links to the
 * survivor, and erasure removing the person's links but not the account.
 */
class AccountsIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final EventBatchValidator validator = new EventBatchValidator();
  private DynamoDbClient dynamo;
  private String table;
  private WaymarkServices core;
  private DynamoSegmentMemberships memberships;
  private EventProcessing processing;

  @BeforeEach
  void setUp() {
    dynamo = LocalDynamo.client();
    table = LocalDynamo.newTable();
    WaymarkConfig config = WaymarkConfig.local(table);
    core = new WaymarkServices(dynamo, config, CLOCK);
    memberships = new DynamoSegmentMemberships(dynamo, table, config.dedupWindow());
    SegmentCatalog catalog =
        new SegmentCatalog(
            List.of(
                SegmentYaml.parse(
                    "id: enterprise\nrule: { trait: account.plan, equals: enterprise }", "t")));
    SegmentEvaluator evaluator =
        new SegmentEvaluator(
            catalog,
            memberships,
            new DynamoSegmentDueChecks(dynamo, table),
            core.records(),
            core.accounts(),
            CLOCK);
    processing = new EventProcessing(core.profiles(), List.of(core.accountLinks(), evaluator), 1);
  }

  private InboundEvent event(String json) {
    return validator.validate("{\"batch\":[" + json + "]}", NOW).get(0);
  }

  private String group(String messageId, String user, String account, String plan, String at) {
    return processing
        .process(
            event(
                "{\"type\":\"group\",\"messageId\":\"%s\",\"userId\":\"%s\",\"groupId\":\"%s\",\"traits\":{\"plan\":\"%s\",\"name\":\"%s Inc\"},\"timestamp\":\"%s\"}"
                    .formatted(messageId, user, account, plan, account, at)))
        .profile()
        .id();
  }

  private boolean inEnterprise(String profileId) {
    SegmentMembership m = memberships.of(profileId).get("enterprise");
    return m != null && m.member();
  }

  private List<String> accountIds(String profileId) {
    return core.accounts().accountsOf(profileId).stream().map(Account::id).toList();
  }

  @Test
  void anotherMembersGroupCallChangesTheSharedAccountAndTheFirstMemberFollowsOnTheirNextEvent() {
    String ana = group("g1", "ana", "acme", "starter", "2026-11-24T09:00:00Z");
    String bob = group("g2", "bob", "acme", "starter", "2026-11-24T09:01:00Z");
    assertThat(inEnterprise(ana)).isFalse();
    assertThat(inEnterprise(bob)).isFalse();

    group("g3", "bob", "acme", "enterprise", "2026-11-24T09:02:00Z");
    assertThat(inEnterprise(bob)).as("the caller is re-evaluated at once").isTrue();
    assertThat(core.accounts().accountsOf(ana))
        .singleElement()
        .satisfies(
            a -> assertThat(a.traits().values().path("plan").asText()).isEqualTo("enterprise"));
    assertThat(inEnterprise(ana)).as("other members are not re-evaluated on bob's call").isFalse();

    processing.process(
        event(
            "{\"type\":\"track\",\"messageId\":\"t1\",\"userId\":\"ana\",\"event\":\"Logged In\","
                + "\"timestamp\":\"2026-11-24T09:03:00Z\"}"));
    assertThat(inEnterprise(ana)).as("ana follows the shared account on her next event").isTrue();

    // a late (older) group call and a replay change nothing on the shared account
    group("g0", "ana", "acme", "trial", "2026-11-24T08:00:00Z");
    group("g3", "bob", "acme", "enterprise", "2026-11-24T09:02:00Z");
    assertThat(core.accounts().accountsOf(bob).get(0).traits().values().path("plan").asText())
        .isEqualTo("enterprise");
    assertThat(accountIds(ana)).containsExactly("acme");
    assertThat(inEnterprise(ana)).isTrue();
  }

  @Test
  void aPersonInTwoAccountsMatchesWhenAnyAccountDoes() {
    String cy = group("c1", "cy", "acme", "starter", "2026-11-24T09:00:00Z");
    assertThat(inEnterprise(cy)).isFalse();
    group("c2", "cy", "globex", "enterprise", "2026-11-24T09:01:00Z");
    assertThat(accountIds(cy)).containsExactly("acme", "globex");
    assertThat(inEnterprise(cy)).isTrue();
  }

  @Test
  void aMergeCarriesTheLosersAccountLinksToTheSurvivor() {
    String known = group("m1", "dee", "acme", "starter", "2026-11-24T09:00:00Z");
    String anonymous =
        processing
            .process(
                event(
                    "{\"type\":\"group\",\"messageId\":\"m2\",\"anonymousId\":\"dee-phone\","
                        + "\"groupId\":\"globex\",\"traits\":{\"plan\":\"enterprise\"},"
                        + "\"timestamp\":\"2026-11-24T09:01:00Z\"}"))
            .profile()
            .id();
    assertThat(anonymous).isNotEqualTo(known);
    Profile survivor =
        processing
            .process(
                event(
                    "{\"type\":\"track\",\"messageId\":\"m3\",\"userId\":\"dee\","
                        + "\"anonymousId\":\"dee-phone\",\"event\":\"Logged In\","
                        + "\"timestamp\":\"2026-11-24T09:02:00Z\"}"))
            .profile();
    assertThat(survivor.mergedFrom()).hasSize(1);
    String loser = survivor.mergedFrom().get(0);
    assertThat(accountIds(survivor.id())).containsExactly("acme", "globex");
    assertThat(accountIds(loser)).isEmpty();
    assertThat(inEnterprise(survivor.id())).isTrue();
  }

  @Test
  void erasureRemovesThePersonsLinksButNotTheSharedAccount() {
    String erin = group("e1", "erin", "acme", "enterprise", "2026-11-24T09:00:00Z");
    String fay = group("e2", "fay", "acme", "enterprise", "2026-11-24T09:01:00Z");
    Profile profile =
        core.profiles().lookup(Identity.of(IdentityNamespace.USER_ID, "erin")).orElseThrow();

    ErasureReport report = core.records().erase(profile, arn -> fail("no run to stop: " + arn));

    assertThat(report.counts()).containsEntry("accountLinks", 1);
    assertThat(Queries.withPrefix(dynamo, table, Keys.profile(erin), Keys.ACCOUNT_PREFIX))
        .isEmpty();
    assertThat(Queries.partition(dynamo, table, Keys.account("acme"))).hasSize(1);
    assertThat(accountIds(fay)).containsExactly("acme");
  }
}
