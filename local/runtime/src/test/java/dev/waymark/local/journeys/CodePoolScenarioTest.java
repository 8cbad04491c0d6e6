package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
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
 * Seed 003's first purchase with unique promo codes, through the HTTP API on the virtual clock: the
 * pool `second-order` of journey first-purchase is imported with two codes, three people place
 * their first order an hour apart, three days later the first two get a code each - never the same
 * - and the third's send ends {@code code_pool_exhausted}, with nothing sent. The methods run in
 * order on one runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CodePoolScenarioTest {
  static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T10:00:00Z");
  static final String POOL = "/v1/journeys/first-purchase/code-pools/second-order";
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_10AM);
    s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    s.person(
        "bob",
        "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\",\"phone\":\"+48 608 123 457\"}",
        "email",
        "sms");
    s.person("cara", "{\"email\":\"cara@example.com\",\"firstName\":\"Cara\"}", "email");
  }

  @AfterAll
  void stop() {
    s.close();
  }

  void order(String who, String orderId, double total, boolean first) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\"Order Completed\",\"properties\":{\"orderId\":\""
            + orderId
            + "\",\"total\":"
            + total
            + ",\"currency\":\"EUR\",\"firstOrder\":"
            + first
            + "}}");
  }

  @Test
  void a_codesAreImportedOnceAndBadListsAreRefusedNamingTheField() {
    LocalApi.Answer added = s.api.post(POOL + "/codes", "{\"codes\":[\"WM-AAA1\",\"WM-BBB2\"]}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body().path("added").asInt()).isEqualTo(2);
    assertThat(added.body().path("remaining").asLong()).isEqualTo(2);
    LocalApi.Answer again = s.api.post(POOL + "/codes", "{\"codes\":[\"WM-AAA1\"]}");
    assertThat(again.body().path("added").asInt()).isZero();
    assertThat(again.body().path("alreadyInPool").asInt()).isEqualTo(1);
    assertThat(again.body().path("imported").asLong()).isEqualTo(2);

    LocalApi.Answer bad =
        s.api.post(POOL + "/codes", "{\"codes\":[\"OK-1\",\"no spaces\",\"OK-1\"]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").findValuesAsText("field"))
        .containsExactly("/codes/1", "/codes/2");
    assertThat(
            s.api
                .post(POOL + "/codes", "{\"codes\":[]}")
                .body()
                .path("errors")
                .get(0)
                .path("field")
                .asText())
        .isEqualTo("/codes");
    assertThat(
            s.api
                .post(
                    "/v1/journeys/first-purchase/code-pools/Bad_Pool/codes", "{\"codes\":[\"X\"]}")
                .status())
        .isEqualTo(400);
    assertThat(
            s.api.post("/v1/journeys/no-such/code-pools/p/codes", "{\"codes\":[\"X\"]}").status())
        .isEqualTo(404);
    assertThat(s.api.get("/v1/journeys/first-purchase/code-pools/none").status()).isEqualTo(404);
    assertThat(s.api.get(POOL).body().path("remaining").asLong()).isEqualTo(2);
  }

  @Test
  void b_theFirstOrderIsThankedAtOnce() {
    order("ada", "o-1", 249.9, true);
    s.advance(Duration.ofHours(1));
    order("bob", "o-2", 99, true);
    s.advance(Duration.ofHours(1));
    order("cara", "o-3", 20, true);
    Outbox.Message thanks = s.outboxFor("ada@example.com").get(0);
    assertThat(thanks.step()).isEqualTo("first-purchase-thanks");
    assertThat(thanks.at()).isEqualTo(TUESDAY_10AM);
    assertThat(thanks.body()).contains("o-1", "249.9 EUR");
  }

  @Test
  void c_threeDaysLaterTwoGetAUniqueCodeAndTheThirdNothing() {
    s.advance(Duration.ofDays(3));
    Outbox.Message ada = offer("ada@example.com");
    Outbox.Message bob = offer("bob@example.com");
    assertThat(ada.at()).isEqualTo(TUESDAY_10AM.plus(Duration.ofDays(3)));
    assertThat(bob.at()).isEqualTo(TUESDAY_10AM.plus(Duration.ofDays(3)).plusSeconds(3600));
    List<String> codes = List.of(codeIn(ada), codeIn(bob));
    assertThat(codes).containsExactlyInAnyOrder("WM-AAA1", "WM-BBB2");
    assertThat(ada.body()).contains(codeIn(ada));

    assertThat(s.trace("cara")).contains("send:code_pool_exhausted");
    assertThat(s.steps("cara@example.com")).containsExactly("first-purchase-thanks");
    JsonNode reason =
        s.journeysOf("cara").path("trace").findParents("decision").stream()
            .filter(t -> t.path("decision").asText().equals("code_pool_exhausted"))
            .findFirst()
            .orElseThrow();
    assertThat(reason.path("reason").asText())
        .isEqualTo(
            "code pool second-order of journey first-purchase has no code left; nothing sent");

    JsonNode stats = s.api.get("/v1/journeys/first-purchase/stats").body();
    assertThat(stats.path("codePools").get(0).path("pool").asText()).isEqualTo("second-order");
    assertThat(stats.path("codePools").get(0).path("given").asLong()).isEqualTo(2);
    assertThat(stats.path("codePools").get(0).path("remaining").asLong()).isZero();
    JsonNode steps = stats.path("versions").get(0).path("steps");
    assertThat(steps.path("step:second-order-offer:sent").asLong()).isEqualTo(2);
    assertThat(steps.path("step:second-order-offer:code_pool_exhausted").asLong()).isEqualTo(1);
  }

  @Test
  void d_noSecondOrderInTwoWeeksBringsTheSmsToWhoeverDidNotOpen() {
    Outbox.Message adasOffer = offer("ada@example.com");
    assertThat(s.api.post("/_local/outbox/" + adasOffer.id() + "/open", "{}").status())
        .isLessThan(300);
    s.runtime.awaitProcessed();
    s.advance(Duration.ofDays(14));
    Outbox.Message sms = s.outboxFor("+48608123457").get(0);
    assertThat(sms.step()).isEqualTo("second-order-sms");
    assertThat(sms.at()).isEqualTo(TUESDAY_10AM.plus(Duration.ofDays(17)).plusSeconds(3600));
    assertThat(s.steps("bob@example.com"))
        .containsExactly("first-purchase-thanks", "second-order-offer");
    assertThat(s.steps("ada@example.com"))
        .containsExactly("first-purchase-thanks", "second-order-offer", "second-order-nudge");
    assertThat(s.trace("cara")).contains("wait:timed_out", "send:unreachable");
  }

  private Outbox.Message offer(String recipient) {
    return s.outboxFor(recipient).stream()
        .filter(m -> m.step().equals("second-order-offer"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no second-order offer to " + recipient));
  }

  private static String codeIn(Outbox.Message offer) {
    return offer.subject().replaceAll(".*: ", "");
  }

  @Test
  void e_aSecondOrderIsNotAFirstPurchase() {
    int before = s.trace("ada").size();
    order("ada", "o-9", 10, false);
    assertThat(s.trace("ada")).as("not marked first: no entry decision at all").hasSize(before);
    order("ada", "o-10", 10, true); // marked first by mistake: entered once only
    assertThat(s.trace("ada")).contains("entry:already_entered_once");
  }
}
