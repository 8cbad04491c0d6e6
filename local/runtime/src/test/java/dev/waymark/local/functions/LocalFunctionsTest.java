package dev.waymark.local.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.json.Json;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.task.LambdaHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the local state machines find and call the task functions. */
class LocalFunctionsTest {
  static final RequestHandler<Map<String, Object>, Map<String, Object>> ECHO =
      (input, context) -> {
        if (input.containsKey("fail")) {
          throw new Waymark.WebhookFailed("POST crm.example.com answered 500", null);
        }
        return Map.of("got", input.get("x"));
      };

  @Test
  void functionsAreFoundByNameOrArnWithOrWithoutAQualifier() throws Exception {
    var resolver = LocalFunctions.resolver(Map.of("StepFunction", "Echo"), Map.of("Echo", ECHO));
    for (String name :
        new String[] {
          "StepFunction",
          "StepFunction:live",
          "arn:aws:lambda:us-east-1:000000000000:function:StepFunction",
          "arn:aws:lambda:us-east-1:000000000000:function:StepFunction:live"
        }) {
      LambdaHandler handler = resolver.apply(name);
      assertThat(handler).as(name).isNotNull();
      assertThat(handler.handle(Json.parse("{\"x\":1}")).path("got").asInt()).isEqualTo(1);
    }
    assertThat(resolver.apply("arn:aws:lambda:us-east-1:000000000000:function:Other:live"))
        .isNull();
  }

  @Test
  void aHandlersExceptionIsTheTaskErrorByItsFullClassNameAsInLambda() {
    LambdaHandler handler =
        LocalFunctions.resolver(Map.of("StepFunction", "Echo"), Map.of("Echo", ECHO))
            .apply("StepFunction");
    assertThatThrownBy(() -> handler.handle(Json.parse("{\"fail\":true}")))
        .isInstanceOfSatisfying(
            StatesFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("Waymark.WebhookFailed");
              assertThat(Json.parse(f.cause()).path("errorType").asText())
                  .isEqualTo("Waymark.WebhookFailed");
              assertThat(Json.parse(f.cause()).path("errorMessage").asText())
                  .contains("answered 500");
            });
  }
}
