package dev.waymark.local.console;

import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /console/...}: the console's static files (the {@code waymark-console} jar, built from
 * {@code console/} by its Maven module) on the API's own origin, so the console calls the API
 * without CORS. {@code /console} redirects to {@code /console/}, which is {@code index.html}.
 * Read-only, no data: the API routes it calls keep their own authorization.
 */
public final class ConsoleRoutes implements LocalRoutes {
  static final String PREFIX = "/console";
  private static final String RESOURCES = "waymark-console/";
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "txt", "text/plain; charset=utf-8",
          "svg", "image/svg+xml");

  private final ClassLoader loader;

  public ConsoleRoutes() {
    this(ConsoleRoutes.class.getClassLoader());
  }

  ConsoleRoutes(ClassLoader loader) {
    this.loader = loader;
  }

  /** Whether the console's files are on the class path (the console module was built). */
  public boolean built() {
    return loader.getResource(RESOURCES + "index.html") != null;
  }

  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    String path = request.path();
    if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
      return Optional.empty();
    }
    if (!request.method().equals("GET")) {
      return Optional.of(LocalResponse.methodNotAllowed(List.of("GET")));
    }
    if (path.equals(PREFIX)) {
      return Optional.of(new LocalResponse(302, Map.of("Location", PREFIX + "/"), ""));
    }
    String name = path.substring(PREFIX.length() + 1);
    return Optional.of(serve(name.isEmpty() ? "index.html" : name));
  }

  private LocalResponse serve(String name) {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    if (!FILE.matcher(name).matches() || type == null) {
      return notFound();
    }
    try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        return notFound();
      }
      return new LocalResponse(
          200, ConsoleHeaders.forFile(type), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LocalResponse notFound() {
    String detail =
        built()
            ? "the console has no such file"
            : "the console is not built: build the console module (mvn -pl console install)";
    return LocalResponse.problem(
        new Problem(
            "https://waymark.dev/problems/not-found",
            "Not found",
            404,
            "path: " + detail,
            List.of(new FieldError("path", detail))));
  }
}
