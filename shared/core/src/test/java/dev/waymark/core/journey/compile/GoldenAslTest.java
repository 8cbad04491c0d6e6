package dev.waymark.core.journey.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled ASL of each fixture document, byte for byte, against {@code
 * src/test/resources/golden/<name>.asl.json}. After an intended change of the compiler, regenerate
 * the files and review the diff:
 *
 * <pre>mvn -pl shared/core test -Dtest=GoldenAslTest -Dgolden.update=true</pre>
 *
 * To add a document (e.g. a shipped journey), add it to {@link #documents()}: one golden per
 * document.
 */
class GoldenAslTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> documents() {
    return CompilerFixtures.all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void compiledAslMatchesTheGoldenFile(String name, CompilerFixtures.Fixture fixture)
      throws IOException {
    String asl = fixture.compile().asl();
    Path golden = GOLDEN.resolve(name + ".asl.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, asl, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (regenerate with -Dgolden.update=true)").exists();
    assertThat(asl).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
