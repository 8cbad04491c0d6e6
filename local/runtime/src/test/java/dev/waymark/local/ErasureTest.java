package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

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
    List<Map<String, AttributeValue>> items =
        runtime.dynamo().scanPaginator(r -> r.tableName(LocalRuntime.TABLE)).items().stream()
            .toList();
    assertThat(items.toString())
        .doesNotContain("ERIN-PRIVATE", "erin@example.com", "erin-tablet", id);
    assertThat(items.toString()).contains("someone-else");
    assertThat(items).anyMatch(i -> i.get("PK").s().equals("AUDIT#erasure"));
  }
}
