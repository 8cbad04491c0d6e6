package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a batch's events are split into groups of people processed one event after another. */
class PersonGroupsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static int messages;

  private static InboundEvent event(String identities) {
    return new InboundEvent(
        Json.parseObject(
            "{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m"
                + ++messages
                + "\","
                + identities
                + "}"),
        NOW);
  }

  private static InboundEvent alias(String userId, String previousId) {
    return new InboundEvent(
        Json.parseObject(
            "{\"type\":\"alias\",\"messageId\":\"m"
                + ++messages
                + "\",\"userId\":\""
                + userId
                + "\",\"previousId\":\""
                + previousId
                + "\"}"),
        NOW);
  }

  private static List<List<Integer>> groups(Map<Identity, String> owners, InboundEvent... events) {
    return PersonGroups.of(Arrays.asList(events), id -> Optional.ofNullable(owners.get(id)));
  }

  @Test
  void eventsOfOnePersonAreOneGroupInTheBatchsOrder() {
    assertThat(
            groups(
                Map.of(),
                event("\"userId\":\"u1\""),
                event("\"userId\":\"u2\""),
                event("\"userId\":\"u1\""),
                event("\"userId\":\"u3\"")))
        .containsExactly(List.of(0, 2), List.of(1), List.of(3));
  }

  @Test
  void anEventNamingTwoIdentitiesJoinsTheirGroups() {
    assertThat(
            groups(
                Map.of(),
                event("\"anonymousId\":\"a1\""),
                event("\"userId\":\"u1\""),
                event("\"userId\":\"u1\",\"anonymousId\":\"a1\""),
                event("\"userId\":\"u2\"")))
        .containsExactly(List.of(0, 1, 2), List.of(3));
  }

  @Test
  void identitiesKnownToPointAtOneProfileAreOneGroup() {
    Map<Identity, String> owners =
        Map.of(TestProfiles.user("u1"), "P", TestProfiles.anon("a1"), "P");
    assertThat(groups(owners, event("\"userId\":\"u1\""), event("\"anonymousId\":\"a1\"")))
        .containsExactly(List.of(0, 1));
  }

  @Test
  void anAliasJoinsThePreviousIdInEitherNamespace() {
    assertThat(
            groups(
                Map.of(),
                event("\"anonymousId\":\"old\""),
                alias("new", "old"),
                event("\"userId\":\"new\"")))
        .containsExactly(List.of(0, 1, 2));
  }

  @Test
  void anUnreadableEventIsInNoGroup() {
    assertThat(groups(Map.of(), event("\"userId\":\"u1\""), null, event("\"userId\":\"u1\"")))
        .containsExactly(List.of(0, 2));
  }
}
