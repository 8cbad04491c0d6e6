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
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneOffset.UTC);
  private final LocalRuntime runtime;
  private final LocalApi api;
  private int messages;
  private int printed;
  private static final String LEASE_END = "2027-02-25";

  private SarahDemo(LocalRuntime runtime) {
    this.runtime = runtime;
    this.api = new LocalApi(runtime);
  }

  public static void main(String[] args) throws Exception {
    Instant start = Instant.parse("2026-11-24T09:00:00Z");
    try (LocalRuntime runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(start))) {
      new SarahDemo(runtime).play();
    }
  }

  private void play() {
    System.out.println("Sarah, 35, drives a 2019 Model A; her lease ends in 90 days.\n");
    did(
        "browses the news on her new laptop and clicks an ad for the electric range",
        page("laptop-7f3a", "Electric Models", "{}"));
    did("opens the E-V Model page", page("laptop-7f3a", "E-V Model", "{\"model\":\"E-V\"}"));
    says(
        "an anonymous profile: "
            + describe(api.get("/v1/profiles?anonymousId=laptop-7f3a").body()));

    later(Duration.ofHours(3));
    did(
        "looks at discounts in the Carvelo app on her phone, not signed in",
        send(
            "{\"type\":\"screen\",\"anonymousId\":\"phone-19c2\",\"name\":\"Discounts\",\"identities\":{\"ecid\":\"ECID-PHONE-19C2\"}}"));
    says(
        "a second anonymous profile: "
            + describe(api.get("/v1/profiles?ecid=ECID-PHONE-19C2").body()));

    later(Duration.ofDays(2));
    did(
        "creates her Carvelo account on the laptop",
        send(
            "{\"type\":\"identify\",\"anonymousId\":\"laptop-7f3a\",\"userId\":\"carvelo-1001\",\"traits\":{\"email\":\"sarah@example.com\",\"phone\":\"+48608123456\",\"firstName\":\"Sarah\",\"car\":\"2019 Model A\",\"timezone\":\"Europe/Warsaw\",\"leaseEnd\":\""
                + LEASE_END
                + "\"}}"));
    JsonNode known = api.get("/v1/profiles?email=sarah@example.com").body();
    says("the laptop profile is now Sarah, known by email: " + describe(known));
    String id = known.path("profileId").asText();
    api.put(
        "/v1/profiles/" + id + "/consents",
        "{\"consents\":["
            + "{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"registration-form\"},"
            + "{\"channel\":\"sms\",\"status\":\"granted\",\"source\":\"registration-form\"},"
            + "{\"channel\":\"push\",\"status\":\"granted\",\"source\":\"app-onboarding\"}]}");
    says("consents recorded: email, SMS and push granted (with their sources)");

    later(Duration.ofMinutes(30));
    did(
        "signs in to the app on her phone with the same email",
        send(
            "{\"type\":\"identify\",\"anonymousId\":\"phone-19c2\",\"userId\":\"carvelo-1001\",\"identities\":{\"pushToken\":\"apns-5d1e\"}}"));
    JsonNode merged = api.get("/v1/profiles?ecid=ECID-PHONE-19C2").body();
    says("the phone's profile merged into hers: " + describe(merged));

    journeys(merged.path("profileId").asText());
  }

  /** Part two: the journeys react to what she does over the following days. */
  private void journeys(String profileId) {
    says("the daily lease scan (00:05 UTC) looks for leases ending in exactly 90 days");
    later(Duration.ofDays(2)); // the scan of her day fires at its own instant on the way
    later(Duration.ofHours(5));
    did(
        "clicks the offer and starts configuring an E-V Model, then stops to book her flights",
        send(
            "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Configuration Started\",\"properties\":"
                + "{\"configurationId\":\"cfg-sarah-1\",\"model\":\"E-V Model\",\"color\":\"Arctic White\",\"price\":41990}}"));
    later(Duration.ofDays(1));
    System.out.printf(
        "%s  A day passes without a quote request.%n", TIME.format(runtime.clock().instant()));
    later(Duration.ofHours(2));
    did(
        "books a test drive for Monday 10:30",
        send(
            "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Test Drive Booked\",\"properties\":"
                + "{\"startsAt\":\"2026-11-30T10:30:00+01:00\",\"location\":\"Carvelo Warsaw, Grzybowska 5\"}}"));
    later(Duration.ofHours(12));
    later(Duration.ofMinutes(150));
    did(
        "drives the E-V Model",
        send("{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Test Drive Attended\"}"));
    later(Duration.ofHours(1));
    did(
        "applies for the car loan",
        send(
            "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Loan Application Submitted\","
                + "\"properties\":{\"applicationId\":\"loan-7\"}}"));
    later(Duration.ofDays(3));
    later(Duration.ofHours(2));
    did(
        "signs the loan documents",
        send(
            "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Loan Documents Signed\"}"));
    System.out.printf(
        "%nIn all, Sarah received %d messages; the virtual clock moved from %s to %s in a few seconds.%n",
        runtime.outbox().messages().size(),
        TIME.format(Instant.parse("2026-11-24T09:00:00Z")),
        TIME.format(runtime.clock().instant()));
    System.out.println(
        "Her journeys, with every decision and its reason: GET /v1/profiles/"
            + profileId
            + "/journeys");
  }

  /** Prints the messages that reached Sarah since the last call. */
  private void received() {
    var messages = runtime.outbox().messages();
    for (; printed < messages.size(); printed++) {
      var m = messages.get(printed);
      String what = (m.subject() != null ? m.subject() : m.body()).replace("\n", " / ");
      System.out.printf(
          "%s  %-5s to %-20s \"%s\"  (%s / %s)%n",
          TIME.format(m.at()),
          m.channel(),
          m.recipient(),
          what,
          m.journey() == null ? "journey" : m.journey(),
          m.step() == null ? "-" : m.step());
    }
  }

  private static String label(JsonNode event) {
    if (event.has("traits")) {
      StringBuilder traits = new StringBuilder();
      event
          .path("traits")
          .fieldNames()
          .forEachRemaining(n -> traits.append(traits.isEmpty() ? "" : ", ").append(n));
      return "traits: " + traits;
    }
    return event.path("name").asText(event.path("event").asText(""));
  }

  private JsonNode page(String anonymousId, String name, String properties) {
    return send(
        "{\"type\":\"page\",\"anonymousId\":\""
            + anonymousId
            + "\",\"name\":\""
            + name
            + "\",\"properties\":"
            + properties
            + "}");
  }

  private JsonNode send(String eventWithoutIds) {
    messages++;
    String event =
        eventWithoutIds.replaceFirst(
            "\\{",
            "{\"messageId\":\"demo-"
                + messages
                + "\",\"timestamp\":\""
                + runtime.clock().instant()
                + "\",");
    LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + event + "]}");
    if (answer.status() != 202) {
      throw new IllegalStateException("the API refused a demo event: " + answer.body());
    }
    runtime.awaitProcessed();
    return answer.body();
  }

  private void did(String what, JsonNode answer) {
    System.out.printf("%s  Sarah %s%n", TIME.format(runtime.clock().instant()), what);
    received();
  }

  private void says(String what) {
    System.out.printf("%18s  Waymark: %s%n", "", what);
  }

  private void later(Duration by) {
    runtime.advance(by);
    received();
  }

  private static String describe(JsonNode profile) {
    StringBuilder ids = new StringBuilder();
    profile
        .path("identities")
        .forEach(
            i ->
                ids.append(ids.isEmpty() ? "" : ", ")
                    .append(i.path("namespace").asText())
                    .append('=')
                    .append(i.path("value").asText()));
    String merged =
        profile.path("mergedFrom").isEmpty()
            ? ""
            : ", merged from " + profile.path("mergedFrom").size() + " other";
    return "profile "
        + profile.path("profileId").asText().substring(0, 8)
        + " ["
        + ids
        + merged
        + "]";
  }
}
