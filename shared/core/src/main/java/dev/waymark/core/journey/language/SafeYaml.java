package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads a journey document's YAML as JSON: safe types only, bounded (size, nesting, aliases, no
 * repeated keys), and with JSON's plain scalars: {@code true}/{@code false}, numbers and {@code
 * null} — so {@code on: entered}, {@code 12:00} and {@code 2026-12-01T09:00:00Z} stay text rather
 * than YAML 1.1's boolean, sexagesimal number and date.
 */
final class SafeYaml {
  static final int MAX_CODE_POINTS = 512 * 1024;

  private SafeYaml() {}

  static JsonNode load(String yaml, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    Yaml loader =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new JsonScalars());
    Object loaded;
    try {
      loaded = loader.load(yaml);
    } catch (YAMLException e) {
      throw invalid(source, describe(e));
    }
    return Json.MAPPER.valueToTree(loaded);
  }

  private static String describe(YAMLException e) {
    String what = e instanceof DuplicateKeyException ? "a key is repeated" : "not valid YAML";
    if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      return what + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
    return e.getMessage() != null && e.getMessage().contains("code points")
        ? "the document is longer than " + MAX_CODE_POINTS + " characters"
        : what;
  }

  static ProblemException invalid(String source, String message) {
    return new ProblemException(
        Problem.invalid(
            "invalid journey document" + (source.isBlank() ? "" : " " + source),
            List.of(new FieldError("", message))));
  }

  /** YAML 1.2's JSON schema for plain scalars. */
  static final class JsonScalars extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
      addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
      addImplicitResolver(
          Tag.FLOAT,
          Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
          "-0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
    }
  }
}
