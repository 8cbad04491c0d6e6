package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ProfileStitchingIT {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final EventBatchValidator validator = new EventBatchValidator();
  private DynamoDbClient dynamo;
  private String table;
  private ProfileService profiles;
  private DynamoProfileStore store;

  @BeforeEach
  void setUp() {
    dynamo = LocalDynamo.client();
    table = LocalDynamo.newTable();
    store = LocalDynamo.profileStore(dynamo, table, CLOCK);
    profiles = new ProfileService(store, CLOCK);
  }

  InboundEvent event(String json) {
    return validator.validate("{\"batch\":[" + json + "]}", NOW).get(0);
  }

  @Test
  void anonymousVisitorBecomesKnownOnIdentify() {
    ProcessOutcome first =
        profiles.process(
            event(
                "{\"type\":\"page\",\"messageId\":\"p1\",\"anonymousId\":\"anon-1\",\"name\":\"E-V Model\"}"));
    ProcessOutcome second =
        profiles.process(
            event(
                """
        {"type":"identify","messageId":"i1","anonymousId":"anon-1","userId":"sarah","traits":{"email":"Sarah@Example.com","firstName":"Sarah"}}"""));
    assertThat(first.createdProfile()).isTrue();
    assertThat(second.profileId()).isEqualTo(first.profileId());
    Profile sarah =
        profiles.lookup(Identity.of(IdentityNamespace.EMAIL, "sarah@example.com")).orElseThrow();
    assertThat(sarah.id()).isEqualTo(first.profileId());
    assertThat(sarah.traits().values().path("firstName").asText()).isEqualTo("Sarah");
    assertThat(sarah.identities())
        .extracting(Identity::key)
        .containsExactly("anonymousId#anon-1", "email#sarah@example.com", "userId#sarah");
    assertThat(LocalDynamo.eventIds(table, sarah.id())).containsExactlyInAnyOrder("p1", "i1");
  }

  @Test
  void linkingTwoProfilesMergesIntoTheKnownOneAndMovesEverything() {
    String anonymous =
        profiles
            .process(event("{\"type\":\"page\",\"messageId\":\"p1\",\"anonymousId\":\"laptop\"}"))
            .profileId();
    String known =
        profiles
            .process(
                event(
                    """
        {"type":"identify","messageId":"i1","userId":"sarah","traits":{"plan":"gold"},"timestamp":"2026-11-20T10:00:00Z"}"""))
            .profileId();
    profiles.process(
        event(
            "{\"type\":\"track\",\"event\":\"Late\",\"messageId\":\"t0\",\"anonymousId\":\"laptop\",\"context\":{\"traits\":{\"plan\":\"silver\"}},\"timestamp\":\"2026-11-10T10:00:00Z\"}"));
    ProcessOutcome link =
        profiles.process(
            event(
                "{\"type\":\"identify\",\"messageId\":\"i2\",\"anonymousId\":\"laptop\",\"userId\":\"sarah\"}"));

    assertThat(link.profileId()).isEqualTo(known);
    assertThat(link.merges()).isEqualTo(1);
    Profile survivor = profiles.resolve(anonymous).orElseThrow();
    assertThat(survivor.id()).isEqualTo(known);
    assertThat(survivor.mergedFrom()).containsExactly(anonymous);
    assertThat(survivor.traits().values().path("plan").asText())
        .as("older event must not win")
        .isEqualTo("gold");
    assertThat(LocalDynamo.eventIds(table, known))
        .containsExactlyInAnyOrder("p1", "i1", "t0", "i2");
    assertThat(LocalDynamo.eventIds(table, anonymous)).isEmpty();
    assertThat(
            profiles
                .lookup(Identity.of(IdentityNamespace.ANONYMOUS_ID, "laptop"))
                .orElseThrow()
                .id())
        .isEqualTo(known);
  }

  @Test
  void lateEventsDoNotOverwriteNewerTraits() {
    profiles.process(
        event(
            "{\"type\":\"identify\",\"messageId\":\"new\",\"userId\":\"u\",\"traits\":{\"city\":\"Oslo\"},\"timestamp\":\"2026-11-24T09:00:00Z\"}"));
    profiles.process(
        event(
            "{\"type\":\"identify\",\"messageId\":\"old\",\"userId\":\"u\",\"traits\":{\"city\":\"Rome\",\"age\":35},\"timestamp\":\"2026-11-01T09:00:00Z\"}"));
    Profile p = profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "u")).orElseThrow();
    assertThat(p.traits().values().path("city").asText()).isEqualTo("Oslo");
    assertThat(p.traits().values().path("age").asInt()).isEqualTo(35);
  }

  @Test
  void aReplayedEventIsRecordedOnce() {
    InboundEvent e =
        event("{\"type\":\"track\",\"event\":\"Clicked\",\"messageId\":\"dup\",\"userId\":\"u\"}");
    ProcessOutcome first = profiles.process(e);
    ProcessOutcome again = profiles.process(e);
    assertThat(first.recorded()).isTrue();
    assertThat(again.recorded()).isFalse();
    assertThat(LocalDynamo.eventIds(table, first.profileId())).containsExactly("dup");
  }

  @Test
  void anEventThatChangesNoTraitIsRecordedWithoutWritingTheProfile() {
    ProcessOutcome identified =
        profiles.process(
            event(
                "{\"type\":\"identify\",\"messageId\":\"i\",\"userId\":\"u\",\"traits\":{\"city\":\"Oslo\"}}"));
    long version = identified.profile().version();

    ProcessOutcome tracked =
        profiles.process(
            event(
                "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"t\",\"userId\":\"u\"}"));
    ProcessOutcome sameCity =
        profiles.process(
            event(
                "{\"type\":\"identify\",\"messageId\":\"i2\",\"userId\":\"u\",\"traits\":{\"city\":\"Rome\"}}"));

    assertThat(tracked.recorded()).isTrue();
    assertThat(tracked.profile().version()).isEqualTo(version); // checked, not written
    assertThat(sameCity.profile().version()).isEqualTo(version + 1); // a trait changed: written
    assertThat(LocalDynamo.eventIds(table, identified.profileId()))
        .containsExactlyInAnyOrder("i", "t", "i2");
    assertThat(profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "u")).orElseThrow().version())
        .isEqualTo(version + 1);
  }

  @Test
  void anEventOnAProfileMergedAwayMeanwhileIsTakenBackAndRecordedOnTheSurvivor() {
    Profile anonymous =
        profiles
            .process(
                event(
                    "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"v\",\"anonymousId\":\"a1\"}"))
            .profile();
    profiles.process(
        event(
            "{\"type\":\"identify\",\"messageId\":\"i\",\"userId\":\"u\",\"traits\":{\"city\":\"Oslo\"}}"));
    ProcessOutcome merged =
        profiles.process(
            event(
                "{\"type\":\"identify\",\"messageId\":\"link\",\"userId\":\"u\",\"anonymousId\":\"a1\"}"));
    assertThat(merged.profileId()).isNotEqualTo(anonymous.id());
    InboundEvent late =
        event(
            "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"t\",\"anonymousId\":\"a1\"}");

    // a worker that read the anonymous profile before the merge: its put is taken back
    assertThatThrownBy(() -> store.recordUnchanged(anonymous, late, List.of()))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(LocalDynamo.eventIds(table, anonymous.id())).isEmpty();
    assertThat(LocalDynamo.eventIds(table, merged.profileId())).doesNotContain("t");
    // processed again, it reads the live profile and is recorded there, once
    assertThat(profiles.process(late).recorded()).isTrue();
    assertThat(profiles.process(late).recorded()).isFalse();
    assertThat(LocalDynamo.eventIds(table, merged.profileId()))
        .containsExactlyInAnyOrder("v", "i", "link", "t");
  }

  @Test
  void aliasLinksPreviousAnonymousId() {
    String anon =
        profiles
            .process(event("{\"type\":\"page\",\"messageId\":\"p\",\"anonymousId\":\"old-anon\"}"))
            .profileId();
    String viaAlias =
        profiles
            .process(
                event(
                    "{\"type\":\"alias\",\"messageId\":\"a\",\"previousId\":\"old-anon\",\"userId\":\"new-user\"}"))
            .profileId();
    assertThat(viaAlias).isEqualTo(anon);
    assertThat(
            profiles.lookup(Identity.of(IdentityNamespace.USER_ID, "new-user")).orElseThrow().id())
        .isEqualTo(anon);
  }
}
