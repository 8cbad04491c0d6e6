package dev.waymark.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What ingest accepts, process must be able to place on a profile: an accepted event that names no
 * usable identity fails processing on every retry and blocks its stream shard.
 */
class AcceptedEventIdentitiesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private final EventBatchValidator validator = new EventBatchValidator();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"userId\":\" \"",
        "\"anonymousId\":\"\\t\"",
        "\"identities\":{\"email\":\"   \"}",
        "\"identities\":{\"phone\":\"( )\"}"
      })
  void everyAcceptedEventNamesAnIdentity(String identityFields) {
    String body =
        "{\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m\","
            + identityFields
            + "}]}";
    List<InboundEvent> accepted;
    try {
      accepted = validator.validate(body, NOW);
    } catch (ProblemException refused) {
      assertThat(refused.problem().errors()).isNotEmpty();
      return;
    }
    assertThat(accepted.get(0).identities())
        .as("accepted %s but it names no identity", body)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(id.value()).isNotBlank());
  }

  @Test
  void aValueThatNormalisesToNothingIsNoIdentity() {
    InboundEvent event =
        new InboundEvent(
            Json.parseObject(
                "{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m\",\"anonymousId\":\"a1\",\"identities\":{\"phone\":\"-\"}}"),
            NOW);
    assertThat(event.identities())
        .as("an empty phone would stitch every such sender into one profile")
        .allSatisfy(id -> assertThat(id.value()).isNotEmpty());
  }
}
