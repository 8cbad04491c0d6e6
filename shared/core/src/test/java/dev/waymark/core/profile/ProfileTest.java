package dev.waymark.core.profile;

import static dev.waymark.core.profile.TestProfiles.anon;
import static dev.waymark.core.profile.TestProfiles.day;
import static dev.waymark.core.profile.TestProfiles.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentDecision.ConsentStatus;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static final Instant NOW = day(30);

  private static Profile stored(
      String id,
      Instant createdAt,
      long version,
      List<String> mergedFrom,
      List<String> pendingMoves,
      Traits traits,
      Consents consents,
      Identity... ids) {
    return new Profile(
        id,
        ProfileStatus.live,
        null,
        createdAt,
        createdAt,
        version,
        traits,
        consents,
        new TreeSet<>(List.of(ids)),
        mergedFrom,
        new TreeSet<>(pendingMoves));
  }

  private final Profile survivor =
      stored(
          "S",
          day(5),
          7,
          List.of("X"),
          List.of("X"),
          Traits.empty().applying(Json.parseObject("{\"plan\":\"gold\"}"), day(6)),
          Consents.none()
              .with(
                  ConsentChannel.EMAIL,
                  null,
                  new ConsentDecision(ConsentStatus.granted, "form", day(6))),
          user("sarah"),
          anon("phone"));
  private final Profile loser =
      stored(
          "L",
          day(2),
          3,
          List.of("Y"),
          List.of("Y"),
          Traits.empty()
              .applying(Json.parseObject("{\"plan\":\"silver\",\"city\":\"Oslo\"}"), day(3)),
          Consents.none()
              .with(
                  ConsentChannel.EMAIL,
                  null,
                  new ConsentDecision(ConsentStatus.denied, "link", day(8))),
          anon("laptop"),
          anon("phone"));

  @Test
  void absorbingJoinsIdentitiesHistoryAndPendingMoves() {
    Profile merged = survivor.absorbing(loser, NOW);

    assertThat(merged.id()).isEqualTo("S");
    assertThat(merged.live()).isTrue();
    assertThat(merged.identities()).containsExactly(anon("laptop"), anon("phone"), user("sarah"));
    assertThat(merged.mergedFrom()).containsExactly("X", "L", "Y");
    assertThat(merged.pendingMoves()).containsExactly("L", "X", "Y");
    assertThat(merged.version()).isEqualTo(8);
    assertThat(merged.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void absorbingKeepsTheEarliestCreationTime() {
    assertThat(survivor.absorbing(loser, NOW).createdAt()).isEqualTo(day(2));
    assertThat(loser.absorbing(survivor, NOW).createdAt()).isEqualTo(day(2));
  }

  @Test
  void absorbingMergesTraitsAndConsentsByTime() {
    Profile merged = survivor.absorbing(loser, NOW);
    assertThat(merged.traits().values().path("plan").asText()).isEqualTo("gold");
    assertThat(merged.traits().values().path("city").asText()).isEqualTo("Oslo");
    assertThat(merged.consents().allows(ConsentChannel.EMAIL, null))
        .as("the loser's later denial wins")
        .isFalse();
  }

  @Test
  void absorbingChangesNeitherInput() {
    survivor.absorbing(loser, NOW);
    assertThat(survivor.identities()).hasSize(2);
    assertThat(survivor.mergedFrom()).containsExactly("X");
    assertThat(survivor.version()).isEqualTo(7);
    assertThat(loser.pendingMoves()).containsExactly("Y");
  }

  @Test
  void theLoserBecomesARedirectToTheSurvivor() {
    Profile redirect = loser.mergedInto("S", NOW);
    assertThat(redirect.live()).isFalse();
    assertThat(redirect.status()).isEqualTo(ProfileStatus.merged);
    assertThat(redirect.mergedInto()).isEqualTo("S");
    assertThat(redirect.version()).isEqualTo(4);
    assertThat(redirect.identities()).isEqualTo(loser.identities());
  }

  @Test
  void aProfileHoldsAtMostTheIdentityLimitByCountAndByBytes() {
    Profile one = Profile.create("P", List.of(user("u")), NOW);
    List<Identity> fill = new java.util.ArrayList<>();
    for (int i = 1; i < Profile.MAX_IDENTITIES; i++) {
      fill.add(anon("a" + i));
    }
    assertThat(one.canHold(fill)).isTrue();
    fill.add(anon("one-too-many"));
    assertThat(one.canHold(fill)).isFalse();
    assertThat(one.canHold(List.of(user("u")))).isTrue(); // its own identities count once
    List<Identity> long20 = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long20.add(anon(i + "x".repeat(4000))); // 20 × 4 KB > 64 KiB
    }
    assertThat(one.canHold(long20)).isFalse();
    assertThat(one.canHold(long20.subList(0, 10))).isTrue();
  }
}
