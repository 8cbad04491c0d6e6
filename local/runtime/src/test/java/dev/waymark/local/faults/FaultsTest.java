package dev.waymark.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.json.Json;
import dev.waymark.local.faults.FaultPlan.Target;
import dev.waymark.local.functions.LocalFunctions;
import dev.waymark.states.StatesFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fault plan's decisions: a seeded sequence per target (the same seed gives the same faults),
 * narrowed by operation; and the task faults as the States executor sees them.
 */
class FaultsTest {
  static List<Faults.Fault> decisions(long seed, int calls) {
    Faults faults = new Faults();
    faults.set(
        FaultPlan.parse(
            Json.parse(
                "{\"seed\":" + seed + ",\"dynamodb\":{\"throttleRate\":0.1,\"errorRate\":0.1}}")));
    List<Faults.Fault> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(faults.next(Target.DYNAMODB, "PutItem"));
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameFaultsAtAboutTheRates() {
    List<Faults.Fault> first = decisions(42, 2000);
    assertThat(decisions(42, 2000)).isEqualTo(first);
    assertThat(decisions(43, 2000)).isNotEqualTo(first);
    long throttles = first.stream().filter(f -> f == Faults.Fault.FIRST).count();
    long errors = first.stream().filter(f -> f == Faults.Fault.SECOND).count();
    assertThat(throttles).isBetween(150L, 250L);
    assertThat(errors).isBetween(150L, 250L);
  }

  @Test
  void operationsNarrowATargetAndOtherTargetsAreUntouched() {
    Faults faults = new Faults();
    faults.set(
        FaultPlan.parse(
            Json.parse(
                "{\"dynamodb\":{\"errorRate\":1.0,\"operations\":[\"TransactWriteItems\"]}}")));
    assertThat(faults.next(Target.DYNAMODB, "PutItem")).isEqualTo(Faults.Fault.NONE);
    assertThat(faults.next(Target.DYNAMODB, "TransactWriteItems")).isEqualTo(Faults.Fault.SECOND);
    assertThat(faults.next(Target.SES, "SendEmail")).isEqualTo(Faults.Fault.NONE);
    assertThat(faults.injected().get("dynamodb"))
        .containsEntry("calls", 1L)
        .containsEntry("errors", 1L);
    assertThat(faults.total()).isEqualTo(1);
  }

  @Test
  void aTaskFailureStopsTheFunctionAndATimeOutLosesTheAnswerOfOneThatRan() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    RequestHandler<Map<String, Object>, Map<String, Object>> counting =
        (input, context) -> Map.of("ran", ran.incrementAndGet());
    Faults faults = new Faults();
    var resolver =
        LocalFunctions.resolver(
            Map.of("SendFunction", "Counting"), Map.of("Counting", counting), faults);

    faults.set(FaultPlan.parse(Json.parse("{\"tasks\":{\"failureRate\":1.0}}")));
    assertThatThrownBy(() -> resolver.apply("SendFunction").handle(Json.object()))
        .isInstanceOfSatisfying(
            StatesFailure.class, f -> assertThat(f.error()).isEqualTo("Lambda.ServiceException"));
    assertThat(ran).hasValue(0);

    faults.set(FaultPlan.parse(Json.parse("{\"tasks\":{\"timeoutRate\":1.0}}")));
    assertThatThrownBy(() -> resolver.apply("SendFunction").handle(Json.object()))
        .isInstanceOfSatisfying(
            StatesFailure.class, f -> assertThat(f.error()).isEqualTo("Sandbox.Timedout"));
    assertThat(ran).hasValue(1);

    faults.set(FaultPlan.none());
    assertThat(resolver.apply("SendFunction").handle(Json.object()).path("ran").asInt())
        .isEqualTo(2);
  }
}
