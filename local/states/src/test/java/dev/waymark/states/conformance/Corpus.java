package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates and loads ../shared/asl-conformance/cases.json (or WAYMARK_ASL_CORPUS). */
final class Corpus {
  private Corpus() {}

  static Path locate() {
    String explicit = System.getProperty("WAYMARK_ASL_CORPUS", System.getenv("WAYMARK_ASL_CORPUS"));
    if (explicit != null && Files.isRegularFile(Path.of(explicit))) {
      return Path.of(explicit);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("../shared/asl-conformance/cases.json").normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      Path inside = dir.resolve("shared/asl-conformance/cases.json");
      if (Files.isRegularFile(inside) && !dir.resolve("pom.xml").toFile().exists()) {
        return inside;
      }
      dir = dir.getParent();
    }
    return null;
  }

  static List<JsonNode> load(Path p) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(p));
    List<JsonNode> out = new ArrayList<>();
    root.get("cases").forEach(out::add);
    return out;
  }
}
