package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Group calls through the local runtime's API: the account is one shared item, the profile API
 * shows each member's accounts, a segment rule on {@code account.plan} reads it, and erasing a
 * member removes their link but not the account.
 */
class AccountsTest extends LocalRuntimeFixture {
  private static final String ENTERPRISE =
      "{\"name\":\"Enterprise\",\"rule\":{\"trait\":\"account.plan\",\"equals\":\"enterprise\"}}";

  private static void group(String messageId, String userId, String plan, String at) {
    api.sendEvents(
        ("{\"batch\":[{\"type\":\"group\",\"messageId\":\"%s\",\"userId\":\"%s\","
                + "\"groupId\":\"initech\",\"traits\":{\"plan\":\"%s\"},\"timestamp\":\"%s\"}]}")
            .formatted(messageId, userId, plan, at));
    runtime.awaitProcessed();
  }

  private static JsonNode profile(String userId) {
    return api.get("/v1/profiles?userId=" + userId).body();
  }

  @Test
  void membersShareTheAccountAndErasureRemovesOnlyTheErasedMembersLink() {
    group("acc-1", "peter", "starter", "2026-11-24T07:00:00Z");
    group("acc-2", "milton", "starter", "2026-11-24T07:01:00Z");
    assertThat(api.post("/v1/segments/preview", ENTERPRISE).body().path("size").asInt()).isZero();

    group("acc-3", "milton", "enterprise", "2026-11-24T07:02:00Z");
    String peter = profile("peter").path("profileId").asText();
    JsonNode accounts = api.get("/v1/profiles/" + peter).body().path("accounts");
    assertThat(accounts).hasSize(1);
    assertThat(accounts.get(0).path("id").asText()).isEqualTo("initech");
    assertThat(accounts.get(0).path("traits").path("plan").asText())
        .as("milton's group call changed the account peter sees")
        .isEqualTo("enterprise");
    assertThat(profile("peter").path("traits").has("account")).isFalse();
    assertThat(api.post("/v1/segments/preview", ENTERPRISE).body().path("size").asInt())
        .as("both members match through the shared account")
        .isEqualTo(2);

    assertThat(
            api.delete("/v1/profiles/" + peter).body().path("counts").path("accountLinks").asInt())
        .isEqualTo(1);
    List<Map<String, AttributeValue>> items =
        runtime.dynamo().scanPaginator(r -> r.tableName(LocalRuntime.TABLE)).items().stream()
            .toList();
    assertThat(items).noneMatch(i -> i.get("PK").s().equals("P#" + peter));
    assertThat(items)
        .anyMatch(i -> i.get("PK").s().equals("A#initech") && i.get("SK").s().equals("ACCOUNT"));
    assertThat(profile("milton").path("accounts").get(0).path("id").asText()).isEqualTo("initech");
  }
}
