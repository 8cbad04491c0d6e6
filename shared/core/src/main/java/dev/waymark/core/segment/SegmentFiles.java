package dev.waymark.core.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads {@code segments/*.yaml} (the segment definitions) and {@code segments/schedules/*.yaml}
 * (the audience schedules) from a folder, or from the classpath where the build puts them
 * (shared/aws packages the repository's {@code segments/} folder).
 */
public final class SegmentFiles {
  public static final String FOLDER = "segments";

  /** The segments and schedules found. */
  public record Loaded(SegmentCatalog catalog, List<AudienceSchedule> schedules) {}

  private SegmentFiles() {}

  public static Loaded load(Path folder) {
    List<SegmentDefinition> definitions = new ArrayList<>();
    for (Path file : yamlFiles(folder)) {
      definitions.add(SegmentYaml.parse(read(file), FOLDER + "/" + file.getFileName()));
    }
    SegmentCatalog catalog = new SegmentCatalog(definitions);
    List<AudienceSchedule> schedules = new ArrayList<>();
    for (Path file : yamlFiles(folder.resolve("schedules"))) {
      schedules.add(
          AudienceScheduleYaml.parse(
              read(file), FOLDER + "/schedules/" + file.getFileName(), catalog));
    }
    return new Loaded(catalog, schedules);
  }

  /** The definitions packaged on the classpath; none when nothing is packaged. */
  public static Loaded fromClasspath() {
    URL url = SegmentFiles.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      return new Loaded(SegmentCatalog.empty(), List.of());
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return load(Path.of(uri));
      }
      try (FileSystem jar = jarFileSystem(uri)) {
        return load(jar.getPath("/" + FOLDER));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the packaged segments", e);
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.newFileSystem(
          Path.of(URI.create(uri.toString().split("!")[0].substring(4))));
    }
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
