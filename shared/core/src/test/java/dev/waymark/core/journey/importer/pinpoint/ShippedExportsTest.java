package dev.waymark.core.journey.importer.pinpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two Pinpoint exports shipped in docs/pinpoint/ convert to the journey documents a reader of
 * docs/pinpoint-import.md expects, step by step, with exactly the listed things not carried over.
 */
class ShippedExportsTest {
  static final Path EXPORTS = Path.of("../../docs/pinpoint");

  static JsonNode export(String name) throws Exception {
    return Json.parse(Files.readString(EXPORTS.resolve(name)));
  }

  static String steps(PinpointImport.Imported imported) {
    StringBuilder out = new StringBuilder();
    imported.document().path("steps").forEach(s -> out.append(Json.write(s)).append('\n'));
    return out.toString();
  }

  @Test
  void theWelcomeSeriesBecomesAJourneyOfSendsWaitsAndBranches() throws Exception {
    PinpointImport.Imported imported = PinpointImport.convert(export("welcome-series.json"));
    JsonNode doc = imported.document();
    assertThat(doc.path("id").asText()).isEqualTo("welcome-series");
    assertThat(Json.write(doc.path("entry")))
        .isEqualTo(
            "{\"event\":\"SignUp\",\"filters\":[{\"field\":\"properties.plan\",\"op\":\"in\","
                + "\"value\":[\"free\",\"pro\"]}]}");
    assertThat(doc.path("eligibility").asText()).isEqualTo("once");
    assertThat(doc.path("startsAt").asText()).isEqualTo("2025-03-01T00:00:00Z");
    assertThat(doc.path("start").asText()).isEqualTo("welcome-email");
    String window = "\"window\":{\"from\":\"08:00\",\"to\":\"21:00\"}";
    assertThat(steps(imported))
        .isEqualTo(
            String.join(
                "\n",
                "{\"id\":\"welcome-email\",\"type\":\"send\",\"channels\":[\"email\"],\"template\":\"welcome-email\","
                    + window
                    + ",\"next\":\"wait-two-days\"}",
                "{\"id\":\"wait-two-days\",\"type\":\"wait\",\"duration\":\"P2D\",\"next\":\"opened-welcome\"}",
                "{\"id\":\"opened-welcome\",\"type\":\"branch\",\"conditions\":[{\"message\":\"welcome-email\","
                    + "\"status\":\"opened\",\"next\":\"app-users\"}],\"default\":\"welcome-reminder\"}",
                "{\"id\":\"app-users\",\"type\":\"branch\",\"conditions\":[{\"segment\":"
                    + "\"3b2c1d0e9f8a47b6a5c4d3e2f1a0b9c8\",\"member\":true,\"next\":\"tips-push\"}],"
                    + "\"default\":\"tips-sms\"}",
                "{\"id\":\"welcome-reminder\",\"type\":\"send\",\"channels\":[\"email\"],"
                    + "\"template\":\"welcome-reminder\","
                    + window
                    + "}",
                "{\"id\":\"tips-push\",\"type\":\"send\",\"channels\":[\"push\"],"
                    + "\"template\":\"getting-started-tips\","
                    + window
                    + "}",
                "{\"id\":\"tips-sms\",\"type\":\"send\",\"channels\":[\"sms\"],"
                    + "\"template\":\"getting-started-tips\","
                    + window
                    + "}",
                ""));
    assertThat(imported.templates())
        .containsExactly(
            new PinpointImport.TemplateUse("welcome-email", "Welcome_Email", List.of("email")),
            new PinpointImport.TemplateUse(
                "welcome-reminder", "Welcome_Reminder", List.of("email")),
            new PinpointImport.TemplateUse(
                "getting-started-tips", "Getting_Started_Tips", List.of("push", "sms")));
    assertThat(fields(imported))
        .containsExactlyInAnyOrder(
            "/JourneyResponse/Activities/WelcomeEmail/Description",
            "/JourneyResponse/Activities/OpenedWelcome/Description",
            "/JourneyResponse/Limits/DailyCap",
            "/JourneyResponse/Limits/MessagesPerSecond",
            "/JourneyResponse/Activities/WelcomeEmail/EMAIL/TemplateVersion",
            "/JourneyResponse/Activities/WelcomeEmail/EMAIL/MessageConfig/FromAddress",
            "/JourneyResponse/Activities/TipsPush/PUSH/MessageConfig/TimeToLive",
            "/JourneyResponse/Activities/TipsSms/SMS/MessageConfig/MessageType",
            "/JourneyResponse/Activities/TipsSms/SMS/MessageConfig/OriginationNumber",
            "/JourneyResponse/Schedule/Timezone",
            "/JourneyResponse/State");
  }

  @Test
  void theCartRecoveryBecomesAHoldoutAWaitForAChainOfBranchesAndASplit() throws Exception {
    JsonNode envelope = Json.object();
    ((com.fasterxml.jackson.databind.node.ObjectNode) envelope)
        .set("export", export("cart-recovery.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) envelope)
        .putObject("segments")
        .put("9f1e2d3c4b5a46978877665544332211", "email-reachable");
    PinpointImport.Imported imported = PinpointImport.convert(envelope);
    JsonNode doc = imported.document();
    assertThat(doc.path("audience").toString()).isEqualTo("[\"email-reachable\"]");
    assertThat(doc.path("holdoutPercent").asInt()).isEqualTo(10);
    assertThat(doc.path("lock").asText()).isEqualTo("P1D");
    assertThat(doc.has("eligibility")).as("EndpointReentryCap 0: any number of entries").isFalse();
    assertThat(Json.write(doc.path("entry")))
        .isEqualTo(
            "{\"event\":\"AddToCart\",\"filters\":[{\"field\":\"properties.price\","
                + "\"op\":\"greaterThan\",\"value\":20}]}");
    assertThat(doc.path("start").asText()).isEqualTo("purchase-check");
    String window = "\"window\":{\"from\":\"07:00\",\"to\":\"22:00\"}";
    assertThat(steps(imported))
        .isEqualTo(
            String.join(
                "\n",
                "{\"id\":\"purchase-check\",\"type\":\"waitFor\",\"event\":\"_monetization.purchase\","
                    + "\"timeout\":\"PT1H\",\"timedOut\":\"who-is-it\"}",
                "{\"id\":\"who-is-it\",\"type\":\"branch\",\"conditions\":["
                    + "{\"trait\":\"orders\",\"op\":\"greaterThan\",\"value\":3,\"next\":\"vip-email\"},"
                    + "{\"trait\":\"orders\",\"op\":\"equals\",\"value\":3,\"next\":\"vip-email\"}],"
                    + "\"default\":\"who-is-it-2\"}",
                "{\"id\":\"vip-email\",\"type\":\"send\",\"channels\":[\"email\"],\"template\":\"cart-vip\","
                    + window
                    + "}",
                "{\"id\":\"who-is-it-2\",\"type\":\"branch\",\"conditions\":[{\"trait\":\"country\","
                    + "\"op\":\"in\",\"value\":[\"PL\",\"DE\"],\"next\":\"cart-sms\"}],"
                    + "\"default\":\"cart-email\"}",
                "{\"id\":\"cart-sms\",\"type\":\"send\",\"channels\":[\"sms\"],\"template\":\"cart-reminder\","
                    + window
                    + ",\"next\":\"wait-one-day\"}",
                "{\"id\":\"cart-email\",\"type\":\"send\",\"channels\":[\"email\"],"
                    + "\"template\":\"cart-reminder\","
                    + window
                    + ",\"next\":\"wait-one-day\"}",
                "{\"id\":\"wait-one-day\",\"type\":\"wait\",\"duration\":\"P1D\",\"next\":\"offer-test\"}",
                "{\"id\":\"offer-test\",\"type\":\"split\",\"variants\":["
                    + "{\"name\":\"path-1\",\"percent\":50,\"next\":\"discount-email\"},"
                    + "{\"name\":\"path-2\",\"percent\":50,\"next\":\"last-call-email\"}]}",
                "{\"id\":\"discount-email\",\"type\":\"send\",\"channels\":[\"email\"],"
                    + "\"template\":\"cart-discount\","
                    + window
                    + "}",
                "{\"id\":\"last-call-email\",\"type\":\"send\",\"channels\":[\"email\"],"
                    + "\"template\":\"cart-last-call\","
                    + window
                    + "}",
                ""));
    Map<String, String> steps = imported.steps();
    assertThat(steps).containsEntry("HoldoutTen", null).containsEntry("NotifyCrm", null);
    assertThat(steps).containsEntry("WhoIsIt", "who-is-it");
    assertThat(imported.segments())
        .containsExactly(Map.entry("email-reachable", "9f1e2d3c4b5a46978877665544332211"));
    assertThat(fields(imported))
        .containsExactlyInAnyOrder(
            "/export/Activities/HoldoutTen/Description",
            "/export/Activities/PurchaseCheck/Description",
            "/export/WaitForQuietTime",
            "/export/Limits/DailyCap",
            "/export/Limits/MessagesPerSecond",
            "/export/Activities/HoldoutTen/Holdout/Percentage",
            "/export/Activities/NotifyCrm/CUSTOM/DeliveryUri",
            "/export/Activities/PurchaseCheck/ConditionalSplit/EvaluationWaitTime",
            "/export/Activities/CartSms/SMS/MessageConfig/MessageType",
            "/export/State");
    assertThat(imported.unmapped())
        .filteredOn(u -> u.field().endsWith("/DeliveryUri"))
        .extracting(PinpointImport.Unmapped::reason)
        .singleElement()
        .asString()
        .contains("not Lambda functions");
  }

  static List<String> fields(PinpointImport.Imported imported) {
    return imported.unmapped().stream().map(PinpointImport.Unmapped::field).toList();
  }
}
