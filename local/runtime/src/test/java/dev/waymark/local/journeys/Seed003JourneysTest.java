package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 003's registration reminders, cross-sell series, loyalty (by orders, order total and
 * average) and reactivation (the weekly schedule reaching the reactivation journey), through the
 * HTTP API on the virtual clock. The methods run in order on one runtime; time only moves forward.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Seed003JourneysTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z"); // a Tuesday
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(T0);
    // reactivation: Rex's last own event is now; he is inactive 60 days later
    s.person(
        "rex",
        "{\"email\":\"rex@example.com\",\"firstName\":\"Rex\",\"phone\":\"+48 608 000 001\","
            + "\"timeZone\":\"Europe/Warsaw\"}",
        "email",
        "sms");
  }

  @AfterAll
  void stop() {
    s.close();
  }

  void track(String who, String event, String properties) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\""
            + event
            + "\",\"properties\":"
            + properties
            + "}");
  }

  Instant now() {
    return s.runtime.clock().instant();
  }

  @Test
  void a_registrationRemindersGoByPushThenSmsAndStopWhenRegistered() {
    s.person(
        "ria", "{\"firstName\":\"Ria\",\"phone\":\"+48 608 000 002\"}", "push", "sms", "email");
    s.send(
        "{\"type\":\"identify\",\"userId\":\"ria\",\"identities\":{\"pushToken\":\"apns-ria\"}}");
    s.person("ray", "{\"firstName\":\"Ray\",\"phone\":\"+48 608 000 003\"}", "sms");
    s.person("nina", "{\"firstName\":\"Nina\",\"phone\":\"+48 608 000 004\"}"); // no consent
    s.person("ivan", "{\"firstName\":\"Ivan\",\"phone\":\"+48 12\"}", "sms"); // not a number
    for (String who : List.of("ria", "ray", "nina", "ivan")) {
      track(who, "Registration Started", "{\"step\":\"phone\"}");
    }
    s.advance(Duration.ofHours(2));
    track("ray", "Registration Completed", "{}");
    assertThat(s.trace("ray")).contains("entry:entered", "goal:reached");

    s.advance(Duration.ofDays(1));
    Outbox.Message push = s.outboxFor("apns-ria").get(0);
    assertThat(push.step()).isEqualTo("register-push");
    assertThat(push.at()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(push.body()).contains("Ria, one step left");

    s.advance(Duration.ofDays(2));
    Outbox.Message sms = s.outboxFor("+48608000002").get(0);
    assertThat(sms.step()).isEqualTo("register-sms");
    assertThat(sms.at()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(sms.body()).startsWith("Carvelo: Ria, your account is almost ready");

    assertThat(s.outboxFor("+48608000003")).as("Ray registered").isEmpty();
    assertThat(s.trace("nina")).contains("send:unreachable", "send:no_consent");
    assertThat(s.trace("ivan")).contains("send:invalid_number");
    assertThat(s.outboxFor("+48608000004")).isEmpty();
  }

  @Test
  void b_crossSellThenUpSellToWhoeverClickedAndInsuranceToTheOthers() {
    Instant ordered = now();
    for (String who : List.of("carl", "cleo", "dina")) {
      s.person(
          who, "{\"email\":\"" + who + "@example.com\",\"firstName\":\"" + who + "\"}", "email");
      track(
          who,
          "Order Completed",
          "{\"orderId\":\"car-"
              + who
              + "\",\"category\":\"car\",\"model\":\"E-V\",\"total\":41900}");
    }
    s.advance(Duration.ofDays(7));
    Outbox.Message accessories = message("carl@example.com", "accessories");
    assertThat(accessories.at()).isEqualTo(ordered.plus(Duration.ofDays(7)));
    assertThat(accessories.subject()).isEqualTo("Made for your E-V: accessories");
    assertThat(
            s.api
                .post(
                    "/_local/outbox/" + accessories.id() + "/click",
                    "{\"link\":\"https://www.example.com/accessories\"}")
                .status())
        .isLessThan(300);
    s.runtime.awaitProcessed();
    track(
        "dina",
        "Order Completed",
        "{\"orderId\":\"acc-1\",\"category\":\"accessories\",\"total\":300}");
    assertThat(s.trace("dina")).contains("goal:reached");

    s.advance(Duration.ofDays(14));
    assertThat(message("carl@example.com", "service-plan").at())
        .isEqualTo(ordered.plus(Duration.ofDays(21)));
    assertThat(message("cleo@example.com", "insurance").subject())
        .isEqualTo("Insurance made for your E-V");
    assertThat(s.steps("carl@example.com")).doesNotContain("insurance");
    assertThat(s.steps("dina@example.com"))
        .as("the goal ended Dina's series")
        .doesNotContain("service-plan", "insurance");
  }

  @Test
  void c_loyaltyByNumberOfOrdersByTotalAndByAverage() {
    s.api.post(
        "/v1/journeys/loyalty/code-pools/loyalty-rewards/codes",
        "{\"codes\":[\"LOY-1\",\"LOY-2\"]}");
    s.api.post("/v1/journeys/loyalty/code-pools/vip-rewards/codes", "{\"codes\":[\"VIP-1\"]}");
    for (String who : List.of("lou", "vic", "sam")) {
      s.person(
          who, "{\"email\":\"" + who + "@example.com\",\"firstName\":\"" + who + "\"}", "email");
    }
    for (int i = 1; i <= 5; i++) {
      track("lou", "Order Completed", "{\"orderId\":\"lou-" + i + "\",\"total\":50}");
    }
    track("vic", "Order Completed", "{\"orderId\":\"vic-1\",\"total\":1200}");
    assertThat(s.steps("vic@example.com")).doesNotContain("vip-reward", "loyalty-reward");
    track("vic", "Order Completed", "{\"orderId\":\"vic-2\",\"total\":\"1200.00\"}");
    track("sam", "Order Completed", "{\"orderId\":\"sam-1\",\"total\":100}");
    track("sam", "Order Completed", "{\"orderId\":\"sam-2\",\"total\":200}");

    Outbox.Message lou = message("lou@example.com", "loyalty-reward");
    assertThat(lou.body()).containsAnyOf("LOY-1", "LOY-2").contains("gold member");
    Outbox.Message vic = message("vic@example.com", "vip-reward");
    assertThat(vic.body()).contains("VIP-1");
    assertThat(s.steps("sam@example.com")).doesNotContain("vip-reward", "loyalty-reward");
    assertThat(trait("lou", "loyaltyTier")).isEqualTo("gold");
    assertThat(trait("vic", "loyaltyTier")).isEqualTo("gold");
    assertThat(trait("sam", "loyaltyTier")).isEmpty();
    JsonNode pools = s.api.get("/v1/journeys/loyalty/stats").body().path("codePools");
    assertThat(pools.findValuesAsText("pool")).containsExactly("loyalty-rewards", "vip-rewards");
    assertThat(pools.get(0).path("remaining").asLong()).isEqualTo(1);
    assertThat(pools.get(1).path("remaining").asLong()).isZero();
  }

  @Test
  void d_theWeeklyScheduleReachesTheReactivationJourney() {
    List<String> codes = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      codes.add("\"BACK-" + i + "\"");
    }
    s.api.post(
        "/v1/journeys/reactivation/code-pools/comeback/codes",
        "{\"codes\":[" + String.join(",", codes) + "]}");
    // Rex's last own event was at T0; inactive from T0 + 60 days (Saturday 2027-01-23); the next
    // Monday 10:00 in Warsaw is 09:00 UTC on 2027-01-25
    Instant monday = Instant.parse("2027-01-25T09:00:00Z");
    s.advance(Duration.between(now(), monday.plus(Duration.ofHours(1))));
    Outbox.Message missYou = message("rex@example.com", "we-miss-you");
    assertThat(missYou.at()).isEqualTo(monday);
    assertThat(missYou.subject()).matches("We miss you, Rex - 15% with code BACK-\\d+");

    s.advance(Duration.ofDays(7));
    Outbox.Message lastCall = s.outboxFor("+48608000001").get(0);
    assertThat(lastCall.step()).isEqualTo("last-call");
    assertThat(lastCall.at()).isEqualTo(monday.plus(Duration.ofDays(7)));
    assertThat(s.trace("rex")).contains("entry:entered", "wait:timed_out", "entry:locked");
    JsonNode pool = s.api.get("/v1/journeys/reactivation/code-pools/comeback").body();
    assertThat(pool.path("given").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(pool.path("remaining").asLong()).isEqualTo(20 - pool.path("given").asLong());
  }

  private Outbox.Message message(String recipient, String step) {
    return s.outboxFor(recipient).stream()
        .filter(m -> m.step().equals(step))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no " + step + " to " + recipient + ": " + s.steps(recipient)));
  }

  private String trait(String userId, String name) {
    return s.api
        .get("/v1/profiles/" + s.profileId(userId))
        .body()
        .path("traits")
        .path(name)
        .asText("");
  }
}
