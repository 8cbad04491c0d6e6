package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DELETE /v1/profiles/{id} leaves nothing personal behind, only an audit record. */
class ErasureTest extends LocalRuntimeFixture {

  @Test
  void erasureRemovesEverythingAboutThePersonIncludingMergedProfiles() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"er-1\",\"anonymousId\":\"erin-tablet\",\"properties\":{\"secret\":\"ERIN-PRIVATE\"}}]}");
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"er-2\",\"userId\":\"erin\",\"traits\":{\"email\":\"erin@example.com\",\"name\":\"ERIN-PRIVATE\"}}]}");
    runtime.awaitProcessed();
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"er-3\",\"userId\":\"erin\",\"anonymousId\":\"erin-tablet\"}]}");
    api.sendEvents(
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"other-1\",\"userId\":\"someone-else\"}]}");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?email=erin@example.com").body().path("profileId").asText();
    assertThat(api.get("/v1/profiles/" + id).body().path("mergedFrom")).hasSize(1);

    LocalApi.Answer erased = api.delete("/v1/profiles/" + id);
    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().path("counts").path("events").asInt()).isEqualTo(3);
    assertThat(erased.body().path("counts").path("profiles").asInt()).isEqualTo(2);

    assertThat(api.get("/v1/profiles/" + id).status()).isEqualTo(404);
    assertThat(api.get("/v1/profiles?email=erin@example.com").status()).isEqualTo(404);
    assertThat(api.get("/v1/profiles?anonymousId=erin-tablet").status()).isEqualTo(404);
    assertThat(table().toString())
        .doesNotContain("ERIN-PRIVATE", "erin@example.com", "erin-tablet", id);
    assertThat(table().toString()).contains("someone-else");
    assertThat(table()).anyMatch(i -> i.get("PK").s().equals("AUDIT#erasure"));
  }

  /**
   * A person who was a merged-away visitor, a segment member with pending re-checks, and a known
   * customer with a journey run waiting after a sent email: after DELETE, a scan of the whole table
   * finds none of their ids, identities, name or address, the run is stopped and sends nothing
   * more.
   */
  @Test
  void afterErasureTheWholeTableHoldsNoTraceOfThePersonAndTheirRunIsStopped() {
    String visitor = evPageVisitor("zo-1", "zora-phone-77");
    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"zo-2","userId":"zora-4711",
                   "traits":{"email":"zora.q@example.com","phone":"+48 600 700 811","firstName":"Zorabel",
                             "birthday":"1990-04-01"}}]}""");
    runtime.awaitProcessed();
    String customer = profileId("userId=zora-4711");
    api.put(
        "/v1/profiles/" + customer + "/consents",
        "{\"consents\":[{\"channel\":\"email\",\"topic\":\"service\",\"status\":\"granted\",\"source\":\"form\"}]}");
    api.sendEvents(
        """
        {"batch":[{"type":"track","messageId":"zo-3","userId":"zora-4711","event":"Signed Up"},
                  {"type":"identify","messageId":"zo-4","userId":"zora-4711","anonymousId":"zora-phone-77"}]}""");
    runtime.awaitProcessed();
    assertThat(outboxFor("zora.q@example.com")).hasSize(1); // the confirmation request
    List<String> personal =
        List.of(
            visitor,
            customer,
            "zora-phone-77",
            "zora-4711",
            "zora.q@example.com",
            "+48600700811",
            "+48 600 700 811",
            "Zorabel");
    assertThat(personal).allSatisfy(p -> assertThat(itemsNaming(p)).isNotEmpty());
    assertThat(keysStartingWith("SEGM#")).anyMatch(k -> k.contains(customer));
    assertThat(keysStartingWith("DUE#")).anyMatch(k -> k.contains(customer));
    assertThat(keysStartingWith("JD#")).anyMatch(k -> k.contains("RUN#"));
    // the date index's markers (date and anniversary) name the person: they go too
    assertThat(itemsNaming(customer))
        .anyMatch(k -> k.endsWith(" D#birthday"))
        .anyMatch(k -> k.endsWith(" DA#birthday"));

    LocalApi.Answer erased = api.delete("/v1/profiles/" + customer);

    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().path("counts").path("runsStopped").asInt()).isEqualTo(1);
    assertThat(erased.body().path("counts").path("ledgerAddressesHashed").asInt()).isEqualTo(1);
    assertThat(personal).allSatisfy(p -> assertThat(itemsNaming(p)).as(p).isEmpty());
    assertThat(keysStartingWith("JD#")).noneMatch(k -> k.contains("RUN#"));
    assertThat(table())
        .filteredOn(i -> i.get("PK").s().startsWith("S#"))
        .singleElement()
        .satisfies(ledger -> assertThat(ledger.get("outcome").s()).contains("sha256:"));

    runtime.advance(Duration.ofDays(8)); // past the reminder (2 days) and the last wait (5 more)
    runtime.awaitProcessed();
    assertThat(outboxFor("zora.q@example.com")).hasSize(1); // no reminder: the run was stopped
    assertThat(personal).allSatisfy(p -> assertThat(table().toString()).as(p).doesNotContain(p));
  }

  private static List<Outbox.Message> outboxFor(String recipient) {
    return runtime.outbox().messages().stream()
        .filter(m -> m.recipient().equals(recipient))
        .toList();
  }

  /** The keys of the items anything of which (key or attribute) contains {@code text}. */
  private static List<String> itemsNaming(String text) {
    return table().stream()
        .filter(i -> i.toString().contains(text))
        .map(i -> i.get("PK").s() + " " + i.get("SK").s())
        .toList();
  }

  private static List<String> keysStartingWith(String prefix) {
    return table().stream()
        .filter(i -> i.get("PK").s().startsWith(prefix))
        .map(i -> i.get("PK").s() + " " + i.get("SK").s())
        .toList();
  }

  private static List<Map<String, AttributeValue>> table() {
    return runtime.dynamo().scanPaginator(r -> r.tableName(LocalRuntime.TABLE)).items().stream()
        .toList();
  }
}
