package dev.waymark.ddblocal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template; short-form tags (!Ref, !Sub, !GetAtt ...) read as their
 * plain values.
 */
public final class CloudFormationYaml {
  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> resources(Path template) {
    try (Reader reader = Files.newBufferedReader(template)) {
      Map<String, Object> root = new Yaml(new TagTolerantConstructor()).load(reader);
      return (Map<String, Map<String, Object>>) root.get("Resources");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + template, e);
    }
  }

  /** The template is our own file, and shares settings through many YAML aliases. */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(1_000);
    return options;
  }

  private static final class TagTolerantConstructor extends SafeConstructor {
    TagTolerantConstructor() {
      super(options());
      this.yamlMultiConstructors.put(
          "!",
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
              }
              if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
              }
              return constructMapping((MappingNode) node);
            }
          });
    }
  }
}
