package dev.waymark.core.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The journeys packaged under {@code statemachines/<id>/} on the class path (the build copies the
 * repository's {@code statemachines/} folder into the functions that need it): which ids there are
 * (a folder with a {@code journey.yaml} document), and the text resources beside them.
 */
public final class ClasspathJourneys {
  public static final String ROOT = "statemachines";

  private ClasspathJourneys() {}

  /** A text resource, or null when it is not there. */
  public static String readOptional(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the journeys packaged under {@code statemachines/}. */
  public static TreeSet<String> journeyIds(ClassLoader loader) {
    TreeSet<String> ids = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader.getResources(ROOT);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if ("jar".equals(root.getProtocol())) {
          idsInJar(root, ids);
        } else {
          idsInDirectory(Path.of(root.toURI()), ids);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private static void idsInDirectory(Path root, TreeSet<String> ids) throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(p -> Files.isRegularFile(p.resolve("journey.yaml")))
          .forEach(p -> ids.add(p.getFileName().toString()));
    }
  }

  private static void idsInJar(URL root, TreeSet<String> ids) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(ROOT + "/") && name.endsWith("/journey.yaml")) {
          ids.add(name.substring(ROOT.length() + 1, name.length() - "/journey.yaml".length()));
        }
      }
    }
  }
}
