package dev.waymark.local.hostile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Every route a client can call on the local runtime: each operation of docs/openapi.yaml, and the
 * local-only routes that are not in it (the outbox's).
 */
public final class ApiRouteCatalog {
  /**
   * One route: its method, path template, whether it reads a body, whether a write key guards it.
   */
  public record Route(String method, String path, boolean body, boolean writeKey) {
    public String key() {
      return method + " " + path;
    }

    public boolean hasPathParameters() {
      return path.contains("{");
    }
  }

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** Served by the local runtime only and not documented in openapi.yaml (the outbox is a tool). */
  private static final List<Route> LOCAL_ONLY =
      List.of(
          new Route("GET", "/_local/outbox", false, false),
          new Route("POST", "/_local/outbox/{id}/open", true, false));

  private ApiRouteCatalog() {}

  public static List<Route> routes() {
    List<Route> routes = new ArrayList<>(openApiRoutes());
    routes.addAll(LOCAL_ONLY);
    return routes;
  }

  @SuppressWarnings("unchecked")
  public static List<Route> openApiRoutes() {
    Map<String, Object> document;
    try (Reader reader = Files.newBufferedReader(projectFile("docs/openapi.yaml"))) {
      document = new Yaml().load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("docs/openapi.yaml could not be read", e);
    }
    List<Route> routes = new ArrayList<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach(
        (path, operations) ->
            ((Map<String, Object>) operations)
                .forEach(
                    (method, operation) -> {
                      if (METHODS.contains(method)) {
                        Map<String, Object> op = (Map<String, Object>) operation;
                        routes.add(
                            new Route(
                                method.toUpperCase(java.util.Locale.ROOT),
                                path,
                                op.containsKey("requestBody"),
                                String.valueOf(op.get("security")).contains("writeKey")));
                      }
                    }));
    return routes;
  }

  /** A file of the project, found from the module's working directory upwards. */
  public static Path projectFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
