package dev.waymark.core.journey.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.waymark.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/journey.schema.json} is a valid draft 2020-12 schema and names exactly the fields
 * the parser reads (the documents both accept and refuse are in JourneyDocumentsTest and
 * BadJourneyDocumentsTest).
 */
class JourneySchemaTest {
  static JsonNode schema() {
    try (InputStream in =
        JourneySchemaTest.class.getResourceAsStream("/schemas/journey.schema.json")) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void isAValidDraft202012Schema() {
    var meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));
    assertThat(meta.validate(schema())).isEmpty();
    assertThat(meta.validate(Json.parse("{\"type\": 5, \"minItems\": -1}")))
        .as("the meta-schema refuses a broken schema")
        .isNotEmpty();
  }

  @Test
  void namesTheFieldsTheParserReads() {
    JsonNode schema = schema();
    assertThat(names(schema.path("properties"))).isEqualTo(DefinitionReader.TOP_FIELDS);
    Set<String> entry = new HashSet<>(DefinitionReader.ENTRY_FORMS);
    entry.add("filters");
    assertThat(names(schema.at("/$defs/entry/properties"))).isEqualTo(entry);
    List<String> types = new ArrayList<>();
    schema.at("/$defs/step/properties/type/enum").forEach(t -> types.add(t.asText()));
    assertThat(types).containsExactlyElementsOf(StepReader.FIELDS.keySet());
    StepReader.FIELDS.forEach(
        (type, fields) -> {
          Set<String> expected = new HashSet<>(fields);
          expected.addAll(List.of("id", "type"));
          assertThat(names(schema.at("/$defs/" + type + "Step/properties")))
              .as(type)
              .isEqualTo(expected);
        });
    assertThat(schema.at("/$defs/op/enum"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(Filters.OPS.split(", "));
  }

  private static Set<String> names(JsonNode properties) {
    Set<String> names = new HashSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
