package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A merge moves the merged-away profile's segment memberships and re-checks to the survivor, over
 * the local runtime's HTTP API: the merged-away id leaves every member index, counter and re-check
 * bucket, so segment sizes count the person once.
 */
class MergedMembershipsTest extends LocalRuntimeFixture {

  @Test
  void aMergeMovesMembershipsAndReChecksAndTheSizesCountThePersonOnce() {
    String visitor = evPageVisitor("mm-1", "mo-laptop");
    assertThat(member(visitor, "interested-in-ev-model")).isTrue();
    long interested = size("interested-in-ev-model");
    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"mm-2","userId":"crm-mo",
                   "traits":{"email":"mo@example.com"}}]}""");
    runtime.awaitProcessed();
    String customer = profileId("userId=crm-mo");
    assertThat(member(customer, "interested-in-ev-model")).isFalse();
    assertThat(itemsNaming(visitor)).isNotEmpty(); // its index entry and re-check, before

    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"mm-3","userId":"crm-mo","anonymousId":"mo-laptop"}]}""");
    runtime.awaitProcessed();

    assertThat(profileId("anonymousId=mo-laptop")).isEqualTo(customer);
    assertThat(member(customer, "interested-in-ev-model")).isTrue();
    assertThat(size("interested-in-ev-model")).isEqualTo(interested);
    assertThat(api.get("/v1/segments/interested-in-ev-model").body().path("sample"))
        .extracting(JsonNode::asText)
        .contains(customer)
        .doesNotContain(visitor);
    assertThat(itemsNaming(visitor)).isEmpty();
    assertThat(dueChecksOf(customer)).isNotEmpty(); // inactive-60-days is re-checked as time passes
  }

  /** Membership, member-index and re-check items keyed by the profile id. */
  private static List<String> itemsNaming(String profileId) {
    return scan().stream()
        .map(i -> i.get("PK").s() + " " + i.get("SK").s())
        .filter(
            key ->
                key.startsWith("P#" + profileId + " SEG#")
                    || (key.startsWith("SEGM#") && key.endsWith(" P#" + profileId))
                    || (key.startsWith("DUE#") && key.contains(" " + profileId + "#")))
        .toList();
  }

  private static List<String> dueChecksOf(String profileId) {
    return scan().stream()
        .filter(i -> i.get("PK").s().startsWith("DUE#"))
        .map(i -> i.get("SK").s())
        .filter(sk -> sk.startsWith(profileId + "#"))
        .toList();
  }

  private static List<Map<String, AttributeValue>> scan() {
    return runtime.dynamo().scanPaginator(r -> r.tableName(LocalRuntime.TABLE)).items().stream()
        .toList();
  }

  private static long size(String segmentId) {
    return api.get("/v1/segments/" + segmentId).body().path("size").asLong();
  }

  private static boolean member(String profileId, String segmentId) {
    for (JsonNode m : api.get("/v1/profiles/" + profileId + "/segments").body().path("segments")) {
      if (m.path("segmentId").asText().equals(segmentId)) {
        return m.path("member").asBoolean();
      }
    }
    return false;
  }
}
