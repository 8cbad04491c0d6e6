package dev.waymark.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import dev.waymark.local.aws.Outbox;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./waymark demo}: Sarah's story from seed 000, played through the local runtime's HTTP API
 * on the virtual clock and printed as a timeline in her time zone (Europe/Warsaw): her account and
 * its confirmation email, the anonymous browsing on her new laptop, the lease email, the click that
 * merges the laptop into her profile (docs/clicks.md), the configuration, the reminder, the test
 * drive, the loan, and the link that confirms her address.
 */
public final class SarahDemo {
  public static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(WARSAW);
  static final Pattern CLICK = Pattern.compile("ses:no-track href=\"([^\"]+/v1/c/[^\"]+)\"");
  static final Pattern CONFIRM = Pattern.compile("href=\"([^\"]+/v1/confirm\\?token=[^\"]+)\"");
  private static final String LEASE_END = "2027-02-25";
  private static final String LAPTOP = "laptop-7f3a";
  private final LocalRuntime runtime;
  private final LocalApi api;
  private final PrintStream out;
  private int events;
  private int printed;

  public SarahDemo(LocalRuntime runtime, PrintStream out) {
    this.runtime = runtime;
    this.api = new LocalApi(runtime);
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(START))) {
      new SarahDemo(runtime, System.out).play();
    }
  }

  public void play() {
    out.println("Sarah, 35, drives a 2019 Model A; her lease ends on " + LEASE_END + ".");
    out.println("Times are hers (Europe/Warsaw).\n");
    at("2026-11-24T10:00");
    did(
        "creates her Carvelo account on the registration page, with every consent",
        "{\"type\":\"identify\",\"userId\":\"carvelo-1001\",\"traits\":{\"email\":\"sarah@example.com\","
            + "\"phone\":\"+48608123456\",\"firstName\":\"Sarah\",\"car\":\"2019 Model A\","
            + "\"timezone\":\"Europe/Warsaw\",\"leaseEnd\":\""
            + LEASE_END
            + "\"}}");
    String sarah = profileId("userId=carvelo-1001");
    api.put(
        "/v1/profiles/" + sarah + "/consents",
        "{\"consents\":["
            + "{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"registration-form\"},"
            + "{\"channel\":\"sms\",\"status\":\"granted\",\"source\":\"registration-form\"},"
            + "{\"channel\":\"push\",\"status\":\"granted\",\"source\":\"app-onboarding\"}]}");
    send("{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Account Created\"}");
    says("consents recorded (email, SMS, push, with their sources); the confirmation email:");
    received();
    later(Duration.ofMinutes(30));
    did(
        "signs in to the Carvelo app on her phone with the same account",
        "{\"type\":\"identify\",\"userId\":\"carvelo-1001\",\"identities\":{\"pushToken\":\"apns-5d1e\"}}");
    says("her profile now has the phone: " + describe(profile("userId=carvelo-1001")));

    at("2026-11-25T20:10");
    did(
        "reads the news on her new laptop and clicks an ad for the electric range",
        page("Electric Models", "{}", null));
    did("opens the E-V Model page", page("E-V Model", "{\"model\":\"E-V\"}", null));
    String laptop = profileId("anonymousId=" + LAPTOP);
    says("the laptop is an anonymous profile: " + describe(profile("anonymousId=" + LAPTOP)));
    says("in the audience " + segments(laptop));

    Outbox.Message lease = waitFor("lease-offer", Duration.ofDays(7));
    later(Duration.ofHours(4));
    out.printf(
        "%s  Sarah opens the lease email on the laptop and clicks \"Build your own\"%n", now());
    LocalApi.Redirect click = api.open(link(CLICK, lease));
    runtime.awaitProcessed();
    says(
        "recorded Message Clicked (journey lease-renewal, step lease-offer) and answered "
            + click.status()
            + " to "
            + click.location().replaceAll("wm_id=[^&#]+", "wm_id=<signed, 30 minutes>"));
    String wmId = click.location().replaceAll(".*[?&]wm_id=([^&#]+).*", "$1");
    did(
        "lands on the configurator; the site sends wm_id back with its page view",
        page("Build your own", "{}", URLDecoder.decode(wmId, StandardCharsets.UTF_8)));
    says("the laptop is hers now: " + describe(profile("anonymousId=" + LAPTOP)));
    says("and so is its browsing: " + segments(sarah));

    later(Duration.ofMinutes(10));
    did(
        "configures an E-V Model, then stops to book her flights",
        "{\"type\":\"track\",\"anonymousId\":\""
            + LAPTOP
            + "\",\"event\":\"Configuration Started\",\"properties\":"
            + "{\"configurationId\":\"cfg-sarah-1\",\"model\":\"E-V Model\",\"color\":\"Arctic White\",\"price\":41990}}");
    later(Duration.ofDays(1));
    later(Duration.ofHours(2));
    did(
        "books a test drive for Monday 10:30",
        "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Test Drive Booked\",\"properties\":"
            + "{\"startsAt\":\"2026-11-30T10:30:00+01:00\",\"location\":\"Carvelo Warsaw, Grzybowska 5\"}}");
    at("2026-11-30T11:30");
    did(
        "drives the E-V Model",
        "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Test Drive Attended\"}");
    later(Duration.ofHours(1));
    did(
        "applies for the car loan",
        "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Loan Application Submitted\","
            + "\"properties\":{\"applicationId\":\"loan-7\"}}");
    later(Duration.ofDays(3));
    later(Duration.ofHours(2));
    did(
        "signs the loan documents",
        "{\"type\":\"track\",\"userId\":\"carvelo-1001\",\"event\":\"Loan Documents Signed\"}");
    Outbox.Message confirm = waitFor("confirm-email", Duration.ofDays(1));
    later(Duration.ofMinutes(5));
    out.printf("%s  Sarah clicks \"Confirm your email address\"%n", now());
    LocalApi.Redirect confirmed = api.open(link(CONFIRM, confirm));
    runtime.awaitProcessed();
    says(
        "answered "
            + confirmed.status()
            + " "
            + confirmed.body()
            + "; trait emailConfirmed = "
            + profile("userId=carvelo-1001").path("traits").path("emailConfirmed"));
    out.printf(
        "%nIn all, Sarah received %d messages; the virtual clock moved from %s to %s in seconds.%n",
        runtime.outbox().messages().size(), TIME.format(START), now());
    out.println(
        "Her journeys, with every decision and its reason: GET /v1/profiles/"
            + sarah
            + "/journeys");
  }

  /** Moves the clock to a local date and time in Warsaw (if it is ahead), printing what arrives. */
  private void at(String localDateTime) {
    Instant target = LocalDateTime.parse(localDateTime).atZone(WARSAW).toInstant();
    if (target.isAfter(runtime.clock().instant())) {
      later(Duration.between(runtime.clock().instant(), target));
    }
  }

  /** Moves the clock an hour at a time until the step's message reached Sarah. */
  private Outbox.Message waitFor(String step, Duration atMost) {
    Instant until = runtime.clock().instant().plus(atMost);
    while (true) {
      Optional<Outbox.Message> sent =
          runtime.outbox().messages().stream().filter(m -> step.equals(m.step())).findFirst();
      if (sent.isPresent()) {
        return sent.get();
      }
      if (!runtime.clock().instant().isBefore(until)) {
        throw new IllegalStateException("no " + step + " message within " + atMost);
      }
      later(Duration.ofHours(1));
    }
  }

  private static String link(Pattern pattern, Outbox.Message message) {
    Matcher m = pattern.matcher(message.html());
    if (!m.find()) {
      throw new IllegalStateException("no such link in the " + message.step() + " email");
    }
    return m.group(1);
  }

  /** Prints the messages that reached Sarah since the last call. */
  private void received() {
    List<Outbox.Message> messages = runtime.outbox().messages();
    for (; printed < messages.size(); printed++) {
      Outbox.Message m = messages.get(printed);
      String what = (m.subject() != null ? m.subject() : m.body()).replace("\n", " / ");
      out.printf(
          "%s    -> %-5s to %-17s \"%s\"  (%s / %s)%n",
          TIME.format(m.at()),
          m.channel(),
          m.recipient(),
          what,
          m.journey() == null ? "journey" : m.journey(),
          m.step() == null ? "-" : m.step());
    }
  }

  private String page(String name, String properties, String waymarkToken) {
    return "{\"type\":\"page\",\"anonymousId\":\""
        + LAPTOP
        + "\",\"name\":\""
        + name
        + "\",\"properties\":"
        + properties
        + (waymarkToken == null ? "" : ",\"context\":{\"waymarkToken\":\"" + waymarkToken + "\"}")
        + "}";
  }

  private void send(String eventWithoutIds) {
    events++;
    String event =
        eventWithoutIds.replaceFirst(
            "\\{",
            "{\"messageId\":\"demo-"
                + events
                + "\",\"timestamp\":\""
                + runtime.clock().instant()
                + "\",");
    LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + event + "]}");
    if (answer.status() != 202) {
      throw new IllegalStateException("the API refused a demo event: " + answer.body());
    }
    runtime.awaitProcessed();
  }

  private void did(String what, String event) {
    out.printf("%s  Sarah %s%n", now(), what);
    send(event);
    received();
  }

  private void says(String what) {
    out.printf("%16s  Waymark: %s%n", "", what);
  }

  private void later(Duration by) {
    runtime.advance(by);
    received();
  }

  private String now() {
    return TIME.format(runtime.clock().instant());
  }

  private JsonNode profile(String query) {
    return api.get("/v1/profiles?" + query).body();
  }

  private String profileId(String query) {
    return profile(query).path("profileId").asText();
  }

  private String segments(String profileId) {
    StringBuilder names = new StringBuilder();
    api.get("/v1/profiles/" + profileId + "/segments")
        .body()
        .path("segments")
        .forEach(
            s -> {
              if (s.path("member").asBoolean()) {
                names.append(names.isEmpty() ? "" : ", ").append(s.path("segmentId").asText());
              }
            });
    return "[" + names + "]";
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
            : "; merged from " + profile.path("mergedFrom").size() + " other";
    return "profile "
        + profile.path("profileId").asText().substring(0, 8)
        + " ["
        + ids
        + merged
        + "]";
  }
}
