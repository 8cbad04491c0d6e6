package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraitLimitsTest {
  static final Instant T = Instant.parse("2026-11-24T09:00:00Z");

  static InboundEvent identify(String traitsJson, Instant at) {
    return new InboundEvent(
        Json.parseObject(
            "{\"type\":\"identify\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\""
                + at
                + "\",\"traits\":"
                + traitsJson
                + "}"),
        at);
  }

  static Traits filled(int traits, int bytesEach) {
    Traits t = Traits.empty();
    for (int i = 0; i < traits; i++) {
      t = t.applying(Json.parseObject("{\"t" + i + "\":\"" + "x".repeat(bytesEach) + "\"}"), T);
    }
    return t;
  }

  @Test
  void anUpdateWithinTheLimitIsAppliedWithoutNotes() {
    InboundEvent event = identify("{\"firstName\":\"Ana\"}", T);
    TraitLimits.Applied applied = TraitLimits.apply(Traits.empty(), event);
    assertThat(applied.traits().values().path("firstName").asText()).isEqualTo("Ana");
    assertThat(applied.notes()).isEmpty();
  }

  @Test
  void anUpdateThatWouldPassTheLimitIsRefusedWholeAndANoteSaysWhy() {
    Traits full = filled(4, 15_000);
    assertThat(TraitLimits.size(full)).isLessThan(TraitLimits.MAX_PROFILE_TRAITS_BYTES);
    InboundEvent event =
        identify(
            "{\"big\":\"" + "y".repeat(15_000) + "\",\"firstName\":\"Ana\"}", T.plusSeconds(1));
    String before = event.body().toString();
    TraitLimits.Applied applied = TraitLimits.apply(full, event);
    assertThat(applied.traits()).isEqualTo(full);
    assertThat(applied.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.code()).isEqualTo(ProcessingNote.TRAIT_LIMIT);
              assertThat(note.detail())
                  .contains("traits not applied")
                  .contains("65536")
                  .doesNotContain("yyy"); // never a trait value
            });
    assertThat(event.body().toString()).isEqualTo(before); // the event is recorded as sent
  }

  @Test
  void anUpdateThatShrinksTraitsIsAlwaysApplied() {
    Traits over = filled(5, 15_000); // e.g. after a merge
    assertThat(TraitLimits.size(over)).isGreaterThan(TraitLimits.MAX_PROFILE_TRAITS_BYTES);
    TraitLimits.Applied applied =
        TraitLimits.apply(over, identify("{\"t0\":null,\"t1\":\"short\"}", T.plusSeconds(1)));
    assertThat(applied.traits().values().has("t0")).isFalse();
    assertThat(applied.traits().values().path("t1").asText()).isEqualTo("short");
    assertThat(applied.notes()).isEmpty();
  }

  @Test
  void traitsAMergeLeftOutAreNamedInTheirOwnNoteBesideARefusedUpdate() {
    Traits full = filled(4, 15_000);
    InboundEvent event = identify("{\"big\":\"" + "y".repeat(15_000) + "\"}", T.plusSeconds(1));
    TraitLimits.Applied applied = TraitLimits.apply(full, event, List.of("l0", "l1"));
    assertThat(applied.notes())
        .extracting(ProcessingNote::code)
        .containsExactly(ProcessingNote.TRAIT_LIMIT, ProcessingNote.MERGE_TRAITS_DROPPED);
    assertThat(applied.notes().get(1).detail()).contains("a merge left out").endsWith("l0, l1");

    TraitLimits.Applied fits =
        TraitLimits.apply(Traits.empty(), identify("{\"a\":1}", T), List.of("l0"));
    assertThat(fits.traits().values().has("a")).isTrue();
    assertThat(fits.notes())
        .extracting(ProcessingNote::code)
        .containsExactly(ProcessingNote.MERGE_TRAITS_DROPPED);
  }

  @Test
  void aMergeWithinTheLimitKeepsEverything() {
    TraitLimits.Merged merged =
        TraitLimits.merge(
            filled(1, 100), Traits.empty().applying(Json.parseObject("{\"b\":1}"), T));
    assertThat(merged.dropped()).isEmpty();
    assertThat(merged.traits().values().has("b")).isTrue();
  }

  @Test
  void aMergePastTheLimitTakesTheLosersNewestTraitsThatFitAndNamesTheRest() {
    Traits survivor = filled(3, 15_000);
    Traits loser = Traits.empty();
    for (int i = 0; i < 3; i++) {
      loser =
          loser.applying(
              Json.parseObject("{\"l" + i + "\":\"" + "z".repeat(15_000) + "\"}"),
              T.plusSeconds(i));
    }
    TraitLimits.Merged merged = TraitLimits.merge(survivor, loser);
    assertThat(TraitLimits.size(merged.traits()))
        .isLessThanOrEqualTo(TraitLimits.MAX_PROFILE_TRAITS_BYTES);
    assertThat(merged.traits().values().has("l2")).isTrue(); // the newest
    assertThat(merged.dropped()).containsExactly("l0", "l1");
    assertThat(merged.traits().values().has("t0")).isTrue();
  }
}
