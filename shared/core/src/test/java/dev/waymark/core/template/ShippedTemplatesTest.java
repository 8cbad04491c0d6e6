package dev.waymark.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped template files are found in folders and in jars (as a deployed function has them).
 */
class ShippedTemplatesTest {
  @TempDir Path dir;

  private Path jar(String name, Map<String, String> files) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry("statemachines/"));
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new JarEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  @Test
  void templatesAreReadFromAJarAndTheSameFileTwiceCountsOnce() throws IOException {
    Map<String, String> files =
        Map.of(
            "statemachines/one/templates/hello.yaml", "sms: { body: hi }\n",
            "statemachines/one/journey.yaml", "id: one\n",
            "statemachines/_layouts/brand.liquid", "{{ content }}");
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar("a.jar", files).toUri().toURL(), jar("b.jar", files).toUri().toURL()},
            null)) {
      assertThat(ShippedTemplates.files(loader)).containsOnlyKeys("hello");
      assertThat(ShippedTemplates.files(loader).get("hello")).contains("body: hi");
      assertThat(ShippedTemplates.files(loader, "_layouts", ".liquid"))
          .isEqualTo(Map.of("brand", "{{ content }}"));
    }
  }

  @Test
  void twoFilesWithOneNameInDifferentFoldersAreRefused() throws IOException {
    Path root = dir.resolve("classes");
    for (String journey : new String[] {"one", "two"}) {
      Path file = root.resolve("statemachines/" + journey + "/templates/hello.yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "sms: { body: hi }\n");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> ShippedTemplates.files(loader))
          .hasMessageContaining("template id hello is shipped twice");
    }
  }
}
