package dev.waymark.local.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * One hostile input of {@code src/test/resources/hostile/*.yaml} (the format is described at the
 * top of {@code hostile/http.yaml}).
 */
public record HostileCase(
    String file,
    String name,
    String route,
    String method,
    String path,
    String pathValue,
    String query,
    String contentType,
    Map<String, String> headers,
    String body,
    Integer expectStatus,
    String expectField,
    Integer eventRouteStatus,
    String eventRouteField,
    List<String> except) {

  /** Every case of every file in the {@code hostile/} folder, in file order. */
  public static List<HostileCase> all() {
    URL folder = HostileCase.class.getResource("/hostile");
    if (folder == null) {
      throw new IllegalStateException("no hostile/ folder on the test class path");
    }
    List<HostileCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
          cases.addAll(read(file));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("the hostile/ folder could not be read", e);
    }
    return cases;
  }

  @SuppressWarnings("unchecked")
  private static List<HostileCase> read(Path file) throws IOException {
    List<Map<String, Object>> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = new Yaml().load(in); // YAML is a superset of JSON: .json files read the same
    }
    List<HostileCase> cases = new ArrayList<>();
    for (Map<String, Object> e : entries) {
      Map<String, Object> onEvents =
          (Map<String, Object>) e.getOrDefault("onEventRoutes", Map.of());
      cases.add(
          new HostileCase(
              file.getFileName().toString(),
              text(e, "name"),
              Objects.requireNonNull(text(e, "route"), "route of " + e),
              text(e, "method"),
              text(e, "path"),
              text(e, "pathValue"),
              text(e, "query"),
              text(e, "contentType"),
              (Map<String, String>) e.getOrDefault("headers", Map.of()),
              text(e, "body"),
              (Integer) e.get("expectStatus"),
              text(e, "expectField"),
              (Integer) onEvents.get("expectStatus"),
              text(onEvents, "expectField"),
              (List<String>) e.getOrDefault("except", List.of())));
    }
    return cases;
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : value.toString();
  }

  /** Whether this case is sent to {@code route}. */
  public boolean appliesTo(ApiRouteCatalog.Route target) {
    if (except.contains(target.key())) {
      return false;
    }
    if (!route.equals("*")) {
      return route.equals(target.key());
    }
    if (body != null || contentType != null) {
      return target.body();
    }
    if (pathValue != null) {
      return target.hasPathParameters();
    }
    return true;
  }

  public Integer status(ApiRouteCatalog.Route target) {
    return target.writeKey() && eventRouteStatus != null ? eventRouteStatus : expectStatus;
  }

  public String field(ApiRouteCatalog.Route target) {
    if (target.writeKey() && eventRouteStatus != null) {
      return eventRouteField;
    }
    return expectField;
  }

  /** The body with its placeholders expanded (see {@link Placeholders}). */
  public byte[] bodyBytes(Map<String, String> values) {
    if (body == null) {
      return new byte[0];
    }
    return Placeholders.expand(body, values).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
