package dev.waymark.core.journey.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRequestTest {
  @Test
  void anAbsentBodyIsTheDraftOnAThousandPeople() {
    SimulationRequest r = SimulationRequest.parse(null, null);
    assertThat(r.draft()).isTrue();
    assertThat(r.limit()).isEqualTo(SimulationRequest.DEFAULT_LIMIT);
    assertThat(r.people()).isEmpty();
    assertThat(r.segment()).isEmpty();
    assertThat(r.person()).isEmpty();
  }

  @Test
  void everyFieldIsRead() {
    SimulationRequest r =
        SimulationRequest.parse(
            Json.parse(
                """
                {"version":"3","people":["p1","p2","p1"],"limit":10,
                 "from":"2026-01-01T00:00:00Z","until":"2026-02-01T00:00:00Z"}"""),
            "p9");
    assertThat(r.draft()).isFalse();
    assertThat(r.version()).contains("3");
    assertThat(r.people()).containsExactly("p1", "p2");
    assertThat(r.limit()).isEqualTo(10);
    assertThat(r.from()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(r.until()).contains(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(r.person()).contains("p9");
  }

  @Test
  void everyBadFieldIsNamedInOneProblem() {
    assertThat(
            fields(
                """
                {"version":"v3","segment":"Not A Segment","limit":0,"from":"yesterday",
                 "until":7,"extra":true}"""))
        .containsExactlyInAnyOrder("/extra", "/version", "/segment", "/limit", "/from", "/until");
    assertThat(fields("{\"people\":[\"a\"],\"segment\":\"s\"}")).containsExactly("/people");
    assertThat(fields("{\"people\":[]}")).containsExactly("/people");
    assertThat(fields("{\"people\":[\"ok\",3]}")).containsExactly("/people/1");
    assertThat(fields("{\"limit\":5001}")).containsExactly("/limit");
    assertThat(fields("{\"limit\":2.5}")).containsExactly("/limit");
    assertThat(fields("{\"from\":\"2026-02-01T00:00:00Z\",\"until\":\"2026-02-01T00:00:00Z\"}"))
        .containsExactly("/until");
    assertThat(fields("[1]")).containsExactly("/");
  }

  @Test
  void theLargestSampleIsFiveThousand() {
    assertThat(SimulationRequest.parse(Json.parse("{\"limit\":5000}"), null).limit())
        .isEqualTo(5000);
  }

  private static List<String> fields(String body) {
    try {
      SimulationRequest.parse(Json.parse(body), null);
    } catch (ProblemException e) {
      assertThat(e.problem().status()).isEqualTo(400);
      return e.problem().errors().stream().map(FieldError::field).toList();
    }
    throw new AssertionError("accepted " + body);
  }

  @Test
  void aPersonIdThatIsNoIdentifierIsRefused() {
    assertThatThrownBy(() -> SimulationRequest.parse(null, ""))
        .isInstanceOf(ProblemException.class);
  }
}
