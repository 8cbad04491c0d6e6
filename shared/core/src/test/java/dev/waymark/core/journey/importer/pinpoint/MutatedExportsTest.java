package dev.waymark.core.journey.importer.pinpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped exports with fields removed, retyped or pointed elsewhere (a fixed seed, so every run
 * tries the same thousands of exports): each converts to a document the journey parser accepts, or
 * is refused with a 400 naming fields; nothing else escapes (no 5xx for any export).
 */
class MutatedExportsTest {
  static final List<String> ACTIVITY_IDS =
      List.of("WelcomeEmail", "OpenedWelcome", "WhoIsIt", "CartSms", "Nope", "", "HoldoutTen");

  @ParameterizedTest
  @ValueSource(strings = {"welcome-series.json", "cart-recovery.json"})
  void everyMutationConvertsOrIsA400(String file) throws Exception {
    JsonNode original = ShippedExportsTest.export(file);
    Random random = new Random(20261030L + file.hashCode());
    int converted = 0;
    int refused = 0;
    for (int round = 0; round < 1500; round++) {
      JsonNode export = original.deepCopy();
      for (int m = 0; m <= random.nextInt(3); m++) {
        mutate(export, random);
      }
      try {
        PinpointImport.convert(export);
        converted++;
      } catch (ProblemException e) {
        assertThat(e.problem().status()).as("%s", export).isIn(400, 413);
        assertThat(e.problem().errors()).as("%s", export).isNotEmpty();
        assertThat(e.problem().errors())
            .as("the importer made a document Waymark refuses from %s", export)
            .noneMatch(f -> f.field().startsWith("/document"));
        refused++;
      }
    }
    assertThat(converted).as("some mutations still convert").isPositive();
    assertThat(refused).as("some mutations are refused").isPositive();
  }

  private static void mutate(JsonNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      target.put("Extra", 1);
      return;
    }
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(8)) {
      case 0 -> target.remove(name);
      case 1 -> target.put(name, random.nextInt(300) - 100);
      case 2 -> target.put(name, "x" + random.nextInt(3));
      case 3 -> target.putNull(name);
      case 4 -> target.putArray(name).add(1);
      case 5 -> target.putObject(name);
      case 6 -> target.put(name, ACTIVITY_IDS.get(random.nextInt(ACTIVITY_IDS.size())));
      default ->
          target.put(
              name,
              List.of(
                      "PT1H",
                      "P2D",
                      "22:00",
                      "INCLUSIVE",
                      "EXCLUSIVE",
                      "ANY",
                      "GREATER_THAN_OR_EQUAL",
                      "_email.click",
                      "https://x.example/h",
                      "2026-12-01T00:00:00Z")
                  .get(random.nextInt(10)));
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object) {
      into.add(object);
      object.elements().forEachRemaining(child -> collect(child, into));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> collect(child, into));
    }
  }
}
