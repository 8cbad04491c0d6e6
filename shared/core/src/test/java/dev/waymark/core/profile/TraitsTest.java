package dev.waymark.core.profile;

import static dev.waymark.core.profile.TestProfiles.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import org.junit.jupiter.api.Test;

class TraitsTest {

  private static ObjectNode json(String text) {
    return Json.parseObject(text);
  }

  private static Traits cityAt(String city, int day) {
    return Traits.empty().applying(json("{\"city\":\"" + city + "\"}"), day(day));
  }

  @Test
  void aNewerValueReplacesAnOlderOne() {
    Traits traits = cityAt("Rome", 1).applying(json("{\"city\":\"Oslo\"}"), day(2));
    assertThat(traits.values().path("city").asText()).isEqualTo("Oslo");
    assertThat(traits.setAt()).containsEntry("city", day(2));
  }

  @Test
  void aValueFromTheSameInstantReplacesTheKnownOne() {
    Traits traits = cityAt("Rome", 1).applying(json("{\"city\":\"Oslo\"}"), day(1));
    assertThat(traits.values().path("city").asText()).isEqualTo("Oslo");
  }

  @Test
  void anOlderValueLosesButItsOtherTraitsStillApply() {
    Traits traits = cityAt("Oslo", 5).applying(json("{\"city\":\"Rome\",\"age\":35}"), day(1));
    assertThat(traits.values().path("city").asText()).isEqualTo("Oslo");
    assertThat(traits.setAt()).containsEntry("city", day(5)).containsEntry("age", day(1));
    assertThat(traits.values().path("age").asInt()).isEqualTo(35);
  }

  @Test
  void aNewerNullRemovesTheTraitAndBlocksOlderValues() {
    Traits removed = cityAt("Oslo", 1).applying(json("{\"city\":null}"), day(3));
    assertThat(removed.values().has("city")).isFalse();
    assertThat(removed.setAt()).containsEntry("city", day(3));

    Traits lateValue = removed.applying(json("{\"city\":\"Rome\"}"), day(2));
    assertThat(lateValue.values().has("city"))
        .as("a value older than the removal must not come back")
        .isFalse();
  }

  @Test
  void anOlderNullRemovesNothing() {
    Traits traits = cityAt("Oslo", 3).applying(json("{\"city\":null}"), day(2));
    assertThat(traits.values().path("city").asText()).isEqualTo("Oslo");
    assertThat(traits.setAt()).containsEntry("city", day(3));
  }

  @Test
  void applyingLeavesTheOriginalAndTheIncomingObjectUntouched() {
    Traits before = cityAt("Rome", 1);
    ObjectNode incoming = json("{\"city\":\"Oslo\",\"tags\":[\"a\"]}");
    Traits after = before.applying(incoming, day(2));
    ((ArrayNode) incoming.get("tags")).add("b");

    assertThat(before.values().path("city").asText()).isEqualTo("Rome");
    assertThat(before.setAt()).containsEntry("city", day(1));
    assertThat(after.values().path("tags")).hasSize(1);
  }

  @Test
  void mergedWithKeepsTheNewestValuePerTrait() {
    Traits mine =
        Traits.empty()
            .applying(json("{\"city\":\"Oslo\"}"), day(5))
            .applying(json("{\"plan\":\"silver\"}"), day(1))
            .applying(json("{\"tie\":\"mine\"}"), day(3));
    Traits theirs =
        Traits.empty()
            .applying(json("{\"city\":\"Rome\"}"), day(2))
            .applying(json("{\"plan\":\"gold\"}"), day(4))
            .applying(json("{\"tie\":\"theirs\"}"), day(3))
            .applying(json("{\"age\":35}"), day(1));

    Traits merged = mine.mergedWith(theirs);

    assertThat(merged.values())
        .isEqualTo(json("{\"city\":\"Oslo\",\"plan\":\"gold\",\"tie\":\"mine\",\"age\":35}"));
    assertThat(merged.setAt())
        .containsEntry("city", day(5))
        .containsEntry("plan", day(4))
        .containsEntry("tie", day(3))
        .containsEntry("age", day(1));
  }

  @Test
  void mergedWithHonoursANewerRemovalOnTheOtherSide() {
    Traits mine = cityAt("Oslo", 1);
    Traits theirs = cityAt("Rome", 1).applying(json("{\"city\":null}"), day(2));
    Traits merged = mine.mergedWith(theirs);
    assertThat(merged.values().has("city")).isFalse();
    assertThat(merged.setAt()).containsEntry("city", day(2));
  }
}
