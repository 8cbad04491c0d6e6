package dev.waymark.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./waymark demo}: Sarah's story from seed 000, played through the local runtime's HTTP API
 * on the virtual clock, printed as a readable timeline of what she did and what Waymark made of it.
 */
public final class SarahDemo {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneOffset.UTC);
  private final LocalRuntime runtime;
  private final LocalApi api;
  private int messages;

  private SarahDemo(LocalRuntime runtime) {
    this.runtime = runtime;
    this.api = new LocalApi(runtime);
  }

  public static void main(String[] args) throws Exception {
    Instant start = Instant.parse("2026-11-24T09:00:00Z");
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(start))) {
      new SarahDemo(runtime).play();
    }
  }

  private void play() {
    System.out.println("Sarah, 35, drives a 2019 Model A; her lease ends in 90 days.\n");
    did("browses the news on her new laptop and clicks an ad for the electric range",
        page("laptop-7f3a", "Electric Models", "{}"));
    did("opens the E-V Model page", page("laptop-7f3a", "E-V Model", "{\"model\":\"E-V\"}"));
    says("an anonymous profile: " + describe(api.get("/v1/profiles?anonymousId=laptop-7f3a").body()));

    later(Duration.ofHours(3));
    did("looks at discounts in the Carvelo app on her phone, not signed in",
        send("{\"type\":\"screen\",\"anonymousId\":\"phone-19c2\",\"name\":\"Discounts\",\"identities\":{\"ecid\":\"ECID-PHONE-19C2\"}}"));
    says("a second anonymous profile: " + describe(api.get("/v1/profiles?ecid=ECID-PHONE-19C2").body()));

    later(Duration.ofDays(2));
    did("creates her Carvelo account on the laptop",
        send("{\"type\":\"identify\",\"anonymousId\":\"laptop-7f3a\",\"userId\":\"carvelo-1001\",\"traits\":{\"email\":\"sarah@example.com\",\"phone\":\"+48608123456\",\"firstName\":\"Sarah\",\"car\":\"2019 Model A\",\"leaseEnd\":\"2027-02-22\"}}"));
    JsonNode known = api.get("/v1/profiles?email=sarah@example.com").body();
    says("the laptop profile is now Sarah, known by email: " + describe(known));
    String id = known.path("profileId").asText();
    api.put("/v1/profiles/" + id + "/consents", "{\"consents\":["
        + "{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"registration-form\"},"
        + "{\"channel\":\"sms\",\"status\":\"granted\",\"source\":\"registration-form\"}]}");
    says("consents recorded: email and SMS granted (source: registration-form)");

    later(Duration.ofMinutes(30));
    did("signs in to the app on her phone with the same email",
        send("{\"type\":\"identify\",\"anonymousId\":\"phone-19c2\",\"userId\":\"carvelo-1001\",\"identities\":{\"pushToken\":\"apns-5d1e\"}}"));
    JsonNode merged = api.get("/v1/profiles?ecid=ECID-PHONE-19C2").body();
    says("the phone's profile merged into hers: " + describe(merged));

    JsonNode timeline = api.get("/v1/profiles/" + merged.path("profileId").asText() + "/events").body();
    System.out.println("\nSarah's profile now holds every event from both devices, newest first:");
    timeline.path("events").forEach(e -> System.out.printf("  %s  %-8s %s%n",
        TIME.format(Instant.parse(e.path("timestamp").asText())), e.path("type").asText(),
        label(e)));
    System.out.printf("%nThe story took %d events; the virtual clock moved from %s to %s.%n", messages,
        TIME.format(Instant.parse("2026-11-24T09:00:00Z")), TIME.format(runtime.clock().instant()));
    System.out.println("Journeys (lease-renewal offer, test-drive reminders, loan emails) join this demo when they ship.");
  }

  private static String label(JsonNode event) {
    if (event.has("traits")) {
      StringBuilder traits = new StringBuilder();
      event.path("traits").fieldNames().forEachRemaining(n -> traits.append(traits.isEmpty() ? "" : ", ").append(n));
      return "traits: " + traits;
    }
    return event.path("name").asText(event.path("event").asText(""));
  }

  private JsonNode page(String anonymousId, String name, String properties) {
    return send("{\"type\":\"page\",\"anonymousId\":\"" + anonymousId + "\",\"name\":\"" + name + "\",\"properties\":" + properties + "}");
  }

  private JsonNode send(String eventWithoutIds) {
    messages++;
    String event = eventWithoutIds.replaceFirst("\\{", "{\"messageId\":\"demo-" + messages + "\",\"timestamp\":\""
        + runtime.clock().instant() + "\",");
    LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + event + "]}");
    if (answer.status() != 202) {
      throw new IllegalStateException("the API refused a demo event: " + answer.body());
    }
    runtime.awaitProcessed();
    return answer.body();
  }

  private void did(String what, JsonNode answer) {
    System.out.printf("%s  Sarah %s%n", TIME.format(runtime.clock().instant()), what);
  }

  private void says(String what) {
    System.out.printf("%18s  Waymark: %s%n", "", what);
  }

  private void later(Duration by) {
    runtime.clock().advance(by);
  }

  private static String describe(JsonNode profile) {
    StringBuilder ids = new StringBuilder();
    profile.path("identities").forEach(i -> ids.append(ids.isEmpty() ? "" : ", ")
        .append(i.path("namespace").asText()).append('=').append(i.path("value").asText()));
    String merged = profile.path("mergedFrom").isEmpty() ? "" : ", merged from " + profile.path("mergedFrom").size() + " other";
    return "profile " + profile.path("profileId").asText().substring(0, 8) + " [" + ids + merged + "]";
  }
}
