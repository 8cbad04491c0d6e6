package dev.waymark.local.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.PinpointImport;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ./waymark import pinpoint <journey.json> [--id ID] [--segment PINPOINT_ID=SEGMENT]...
 * [--template PINPOINT_NAME=TEMPLATE]... [--json] [--out FILE]}: the same conversion as {@code POST
 * /v1/journeys/import/pinpoint}, without a running Waymark. The journey document goes to standard
 * output (YAML, as in {@code statemachines/<id>/journey.yaml}, or JSON) or to FILE; what it needs
 * and what could not be carried over go to standard error, with JSON pointers into the file. Exit
 * status: 0 converted, 1 the export is refused (each error with its JSON pointer), 2 a usage error.
 */
public final class PinpointImportMain {
  static final String USAGE =
      "usage: ./waymark import pinpoint <journey.json> [--id ID] [--segment PINPOINT_ID=SEGMENT]..."
          + " [--template PINPOINT_NAME=TEMPLATE]... [--json] [--out FILE]";

  private PinpointImportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    ObjectNode envelope = Json.object();
    ObjectNode segments = envelope.putObject("segments");
    ObjectNode templates = envelope.putObject("templates");
    String file = null;
    String target = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (arg) {
        case "--json" -> json = true;
        case "--id", "--out", "--segment", "--template" -> {
          if (!hasValue) {
            err.println(arg + " needs a value\n" + USAGE);
            return 2;
          }
          String value = args[++i];
          if (arg.equals("--id")) {
            envelope.put("id", value);
          } else if (arg.equals("--out")) {
            target = value;
          } else if (!pair(arg.equals("--segment") ? segments : templates, value)) {
            err.println(arg + " takes PINPOINT=WAYMARK, not " + value + "\n" + USAGE);
            return 2;
          }
        }
        default -> {
          if (arg.startsWith("--") || file != null) {
            err.println("unexpected argument " + arg + "\n" + USAGE);
            return 2;
          }
          file = arg;
        }
      }
    }
    if (file == null) {
      err.println(USAGE);
      return 2;
    }
    PinpointImport.Imported imported;
    try {
      String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      envelope.set("export", StrictJson.parse(text, "/export", 1 << 20));
      imported = PinpointImport.convert(envelope);
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return 2;
    } catch (ProblemException e) {
      err.println(file + " is not an export the importer can read: " + e.problem().detail());
      for (FieldError f : e.problem().errors()) {
        err.println("  " + inFile(f.field()) + ": " + f.message());
      }
      return 1;
    }
    String document = json ? pretty(imported.document()) : yaml(imported.document());
    if (target == null) {
      out.print(document);
    } else {
      try {
        Files.writeString(Path.of(target), document, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("cannot write " + target + ": " + e.getMessage());
        return 2;
      }
      err.println("wrote journey " + imported.journeyId() + " to " + target);
    }
    report(imported, err);
    return 0;
  }

  /** A pointer into the envelope the command builds, as a pointer into the file. */
  private static String inFile(String pointer) {
    String inFile = pointer.startsWith("/export") ? pointer.substring("/export".length()) : pointer;
    return inFile.isEmpty() ? "/" : inFile;
  }

  private static boolean pair(ObjectNode map, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0 || eq == value.length() - 1) {
      return false;
    }
    map.put(value.substring(0, eq), value.substring(eq + 1));
    return true;
  }

  static void report(PinpointImport.Imported imported, PrintStream err) {
    err.println("templates to put (PUT /v1/templates/{id}) before publishing:");
    for (PinpointImport.TemplateUse t : imported.templates()) {
      err.printf(
          "  %s (Pinpoint %s): %s%n",
          t.template(), t.pinpointTemplate(), String.join(", ", t.channels()));
    }
    if (!imported.segments().isEmpty()) {
      err.println("segments it names (define them in segments/<id>.yaml):");
      imported
          .segments()
          .forEach((id, pinpoint) -> err.printf("  %s (Pinpoint %s)%n", id, pinpoint));
    }
    err.println("not carried over exactly (" + imported.unmapped().size() + "):");
    for (PinpointImport.Unmapped u : imported.unmapped()) {
      err.printf("  %s: %s%n", inFile(u.field()), u.reason());
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String yaml(JsonNode document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(100);
    Map<?, ?> map = Json.MAPPER.convertValue(document, Map.class);
    return "# Imported from Amazon Pinpoint (./waymark import pinpoint): see docs/pinpoint-import.md\n"
        + new Yaml(options).dump(map);
  }
}
