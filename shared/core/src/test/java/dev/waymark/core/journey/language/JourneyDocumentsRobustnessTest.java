package dev.waymark.core.journey.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever is at any place of a document, the answer is a document or a 400 naming fields: every
 * field of the every-step example is in turn removed and replaced by a value of each JSON type, and
 * the parser must never fail otherwise (a 5xx over the API).
 */
class JourneyDocumentsRobustnessTest {
  static final List<JsonNode> VALUES =
      List.of(
          Json.MAPPER.nullNode(),
          Json.MAPPER.valueToTree(7),
          Json.MAPPER.valueToTree("x"),
          Json.MAPPER.valueToTree(true),
          Json.MAPPER.createArrayNode(),
          Json.object());

  @Test
  void everyMutationIsADocumentOrAProblemWithFields() {
    ObjectNode original =
        (ObjectNode) SafeYaml.load(JourneyDocumentsTest.EVERY_STEP, "every-step.yaml");
    List<String> paths = new ArrayList<>();
    collect(original, "", paths);
    int refused = 0;
    for (String path : paths) {
      List<ObjectNode> mutants = new ArrayList<>();
      mutants.add(mutate(original, path, null));
      VALUES.forEach(v -> mutants.add(mutate(original, path, v)));
      for (ObjectNode mutant : mutants) {
        try {
          JourneyDocuments.parseJson(mutant, TemplateLookup.ANY);
        } catch (ProblemException e) {
          refused++;
          assertThat(e.problem().status()).isEqualTo(400);
          assertThat(e.problem().errors()).as(path).isNotEmpty();
        }
      }
    }
    assertThat(paths).hasSizeGreaterThan(100);
    assertThat(refused).isGreaterThan(paths.size());
  }

  private static void collect(JsonNode node, String at, List<String> paths) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              f -> {
                paths.add(at + "/" + f);
                collect(node.get(f), at + "/" + f, paths);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths.add(at + "/" + i);
        collect(node.get(i), at + "/" + i, paths);
      }
    }
  }

  /** A copy with the node at {@code path} replaced by {@code value} (removed when null). */
  private static ObjectNode mutate(ObjectNode original, String path, JsonNode value) {
    ObjectNode copy = original.deepCopy();
    int cut = path.lastIndexOf('/');
    ContainerNode<?> parent = (ContainerNode<?>) copy.at(path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(last);
      } else {
        object.set(last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      if (value == null) {
        array.remove(Integer.parseInt(last));
      } else {
        array.set(Integer.parseInt(last), value);
      }
    }
    return copy;
  }
}
