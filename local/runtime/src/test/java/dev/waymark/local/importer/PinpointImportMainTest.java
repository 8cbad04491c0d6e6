package dev.waymark.local.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.importer.pinpoint.PinpointImport;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;
import dev.waymark.core.json.Json;
import dev.waymark.local.hostile.ApiRouteCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./waymark import pinpoint}: the document it prints is the route's, as YAML or JSON. */
class PinpointImportMainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return PinpointImportMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static String export(String name) {
    return ApiRouteCatalog.projectFile("docs/pinpoint/" + name).toString();
  }

  @Test
  void printsTheDocumentAsYamlTheJourneyParserReadsBackAndReportsTheRest() throws Exception {
    String file = export("cart-recovery.json");
    assertThat(run(file, "--segment", "9f1e2d3c4b5a46978877665544332211=email-reachable")).isZero();
    JsonNode fromYaml = JourneyDocuments.readYaml(out.toString(StandardCharsets.UTF_8), "stdout");
    ObjectNodeHolder expected = new ObjectNodeHolder(file);
    assertThat(fromYaml).isEqualTo(expected.document);
    JourneyDocuments.parseYaml(out.toString(StandardCharsets.UTF_8), "stdout", TemplateLookup.ANY);
    String report = err.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("cart-reminder (Pinpoint Cart_Reminder): sms, email")
        .contains("email-reachable (Pinpoint 9f1e2d3c4b5a46978877665544332211)")
        .contains("not carried over exactly (10):")
        .contains(
            "  /Activities/NotifyCrm/CUSTOM/DeliveryUri: a journey step calls HTTPS webhooks");
  }

  @Test
  void writesJsonToAFileWithTheGivenId(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("journey.json");
    assertThat(
            run(
                export("welcome-series.json"),
                "--json",
                "--id",
                "welcome",
                "--out",
                target.toString()))
        .isZero();
    JsonNode written = Json.parse(Files.readString(target));
    assertThat(written.path("id").asText()).isEqualTo("welcome");
    assertThat(written.path("steps").size()).isEqualTo(7);
    assertThat(out.size()).isZero();
  }

  @Test
  void aBadExportExitsOneNamingEachField(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"Name\":\"x\",\"StartActivity\":\"A\",\"Activities\":{\"A\":{\"Wait\":{}}}}");
    assertThat(run(bad.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("  /Activities/A/Wait/WaitTime: is required: WaitFor or WaitUntil");
    Files.writeString(bad, "{\"Name\": ");
    assertThat(run(bad.toString())).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("a.json", "--segment", "no-equals")).isEqualTo(2);
    assertThat(run("a.json", "--colour")).isEqualTo(2);
    assertThat(run("/no/such/file.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./waymark import pinpoint");
  }

  /** The route's document for the same export and mapping. */
  private static final class ObjectNodeHolder {
    final JsonNode document;

    ObjectNodeHolder(String file) throws Exception {
      var envelope = Json.object();
      envelope.set("export", Json.parse(Files.readString(Path.of(file))));
      envelope.putObject("segments").put("9f1e2d3c4b5a46978877665544332211", "email-reachable");
      document = PinpointImport.convert(envelope).document();
    }
  }
}
