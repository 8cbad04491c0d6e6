package dev.waymark.core.template;

import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.message.LayoutStore;
import dev.waymark.core.message.TemplateDocuments;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Publishes the template files shipped with Waymark ({@code statemachines/<journey>/templates/
 * <id>.yaml} on the class path) to the template store, each under its file name as the (global)
 * template id, through the same validation as {@code PUT /v1/templates/{id}}: a file whose document
 * has not changed keeps its version. The local runtime calls {@link #publish} at start; the
 * deploy-time custom resource calls the same method.
 */
public final class ShippedTemplates {
  private ShippedTemplates() {}

  /** One file's outcome: its id, the version now latest, whether it is new. */
  public record Published(String id, int version, boolean created) {}

  /**
   * Puts the shipped layouts ({@code statemachines/_layouts/<id>.liquid}) first, then the shipped
   * templates, which are checked against those layouts: the one entry point for the local runtime
   * and the deploy-time custom resource.
   */
  public static List<Published> publish(ClassLoader loader, TemplateService templates) {
    publishLayouts(loader, templates.layouts());
    return publish(loader, templates.store(), templates.renderer(), templates.clock().instant());
  }

  /** The same, straight to a store (for tests that build no template service). */
  public static List<Published> publish(
      ClassLoader loader, TemplateStore store, TemplateRenderer renderer, Instant at) {
    List<Published> published = new ArrayList<>();
    files(loader)
        .forEach(
            (id, yaml) -> {
              TemplateStore.Saved saved =
                  store.put(id, TemplateDocuments.parseYaml(yaml, id, renderer), at);
              published.add(new Published(id, saved.template().version(), saved.created()));
            });
    return published;
  }

  /**
   * Puts each shipped layout file under its file name, checked as {@code PUT /v1/layouts/{id}},
   * unless some version already has the file's HTML: a brand change made through the API is not
   * undone by the next deploy or local start, while an edited file does become the latest.
   */
  public static List<Published> publishLayouts(ClassLoader loader, LayoutService layouts) {
    List<Published> published = new ArrayList<>();
    files(loader, LAYOUTS, ".liquid")
        .forEach(
            (id, html) -> {
              List<LayoutStore.StoredLayout> versions = layouts.store().versions(id);
              if (versions.stream().anyMatch(v -> v.html().equals(html))) {
                published.add(new Published(id, versions.getLast().version(), false));
              } else {
                LayoutStore.Saved saved = layouts.putHtml(id, html);
                published.add(new Published(id, saved.layout().version(), saved.created()));
              }
            });
    return published;
  }

  static Map<String, String> files(ClassLoader loader) {
    return files(loader, TEMPLATES, ".yaml");
  }

  private static final String TEMPLATES = "templates";
  private static final String LAYOUTS = "_layouts";

  /**
   * Every shipped file in a folder named {@code folder} ending in {@code extension}, by id (the
   * file name without it): the templates ({@code <journey>/templates/<id>.yaml}) or the layouts
   * ({@code _layouts/<id>.liquid}). Two files with the same name in different folders are an error,
   * since template and layout ids are global (the same file found twice on the class path counts
   * once).
   */
  static Map<String, String> files(ClassLoader loader, String folder, String extension) {
    Map<String, String> files = new TreeMap<>();
    Map<String, String> seen = new TreeMap<>();
    for (Path root : roots(loader)) {
      try (Stream<Path> paths = Files.walk(root, 3)) {
        for (Path path : paths.sorted().toList()) {
          String name = path.getFileName() == null ? "" : path.getFileName().toString();
          Path parent = path.getParent();
          if (!name.endsWith(extension)
              || parent == null
              || !folder.equals(String.valueOf(parent.getFileName()))) {
            continue;
          }
          String id = name.substring(0, name.length() - extension.length());
          String relative = root.relativize(path).toString();
          String earlier = seen.putIfAbsent(id, relative);
          if (earlier == null) {
            files.put(id, Files.readString(path));
          } else if (!earlier.equals(relative)) {
            throw new IllegalStateException(
                (LAYOUTS.equals(folder) ? "layout" : "template")
                    + " id "
                    + id
                    + " is shipped twice: "
                    + earlier
                    + " and "
                    + relative);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static List<Path> roots(ClassLoader loader) {
    List<Path> roots = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(ClasspathJourneys.ROOT))) {
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
          try {
            FileSystems.newFileSystem(uri, Map.of());
          } catch (FileSystemAlreadyExistsException open) {
            // opened by an earlier call
          }
        }
        roots.add(Path.of(uri));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return roots;
  }
}
