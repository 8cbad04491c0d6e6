package dev.waymark.core.journey.compile;

import static dev.waymark.core.journey.compile.TestSteps.*;

import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents the compiler tests compile, each with the template versions it is published with.
 * {@link GoldenAslTest} keeps one golden file per fixture; the local runtime runs them on the
 * executor.
 */
public final class CompilerFixtures {
  private CompilerFixtures() {}

  /** The task functions compiled into every fixture (alias ARNs, as on AWS). */
  public static final TaskFunctions FUNCTIONS =
      new TaskFunctions(
          "arn:aws:lambda:eu-central-1:123456789012:function:waymark-send:live",
          "arn:aws:lambda:eu-central-1:123456789012:function:waymark-await:live",
          "arn:aws:lambda:eu-central-1:123456789012:function:waymark-steps:live");

  public record Fixture(JourneyDocument document, Map<String, String> templateVersions) {
    public CompiledJourney compile() {
      return JourneyCompiler.compile(document, FUNCTIONS, templateVersions);
    }
  }

  /** welcome-double-opt-in as a document: sends and correlated-free waitFors only. */
  public static Fixture welcome() {
    return new Fixture(
        journey(
            "welcome",
            send(
                "confirmation-request",
                "confirmation-request",
                List.of(Channel.email),
                List.of(),
                SendWindow.ANY_TIME,
                "confirmation"),
            waitFor("confirmation", "Email Confirmed", null, "P2D", "welcome", "reminder"),
            send("reminder", "confirmation-reminder", "late-confirmation"),
            waitFor("late-confirmation", "Email Confirmed", null, "P5D", "welcome", null),
            send("welcome", "welcome", null)),
        Map.of());
  }

  /** Every step kind, with every branch condition kind and an extra channel. */
  public static Fixture tour() {
    return new Fixture(
        journey(
            "tour",
            send(
                "greet",
                "greeting",
                List.of(Channel.push, Channel.email),
                List.of(Channel.sms),
                window("07:00", "12:00"),
                "pause"),
            waitSpan("pause", "PT1H", "quote"),
            waitFor(
                "quote",
                "Quote Requested",
                "properties.configurationId",
                "P1D",
                "decide",
                "nudge",
                filter("properties.amount", FilterOp.GREATER_THAN, 0)),
            send("nudge", "nudge", "decide"),
            branch(
                "decide",
                "bye",
                trait("country", FilterOp.EQUALS, "PL", "ab"),
                entry("properties.price", FilterOp.GREATER_THAN, 100, "mark"),
                segment("app-installed", true, "ab"),
                message("greet", Step.Engagement.opened, "bye")),
            split("ab", variant("a", 50, "mark"), variant("b", 50, "hook")),
            update("mark", Map.of("lastOffer", "lease-2027"), Map.of("offersSent", 1.0), "hook"),
            webhook("hook", "https://crm.example.com/hooks/lease", "again", "bye"),
            repeat("again", "ab", 2, "bye"),
            send("bye", "goodbye", "done"),
            exit("done")),
        Map.of("greeting", "3", "goodbye", "1"));
  }

  /**
   * Waits computed for the person, a fixed instant, calendar months, and a repeat back to the first
   * step (so a Pass state sets the counter first).
   */
  public static Fixture calendar() {
    return new Fixture(
        journey(
            "calendar",
            waitUntil("morning", timeOfDay("09:00"), "before-lease"),
            waitUntil("before-lease", date("traits.leaseEnd", "-P1D", "09:00"), "christmas"),
            waitUntil("christmas", instant("2026-12-24T18:00:00Z"), "month"),
            waitSpan("month", "P1M", "renewal"),
            waitFor("renewal", "Lease Renewed", null, "P1M", null, "again"),
            repeat("again", "morning", 3, null)),
        Map.of());
  }

  /** Every fixture by name (the golden file is {@code golden/<name>.asl.json}). */
  public static Map<String, Fixture> all() {
    Map<String, Fixture> all = new LinkedHashMap<>();
    all.put("welcome", welcome());
    all.put("tour", tour());
    all.put("calendar", calendar());
    return all;
  }
}
