package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** {@code schemas/journey.schema.json}, loaded the way EventBatchValidator loads its schema. */
final class JourneySchema {
  private final JsonSchema schema;

  JourneySchema() {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    try (InputStream in = getClass().getResourceAsStream("/schemas/journey.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> errors(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
  }
}
