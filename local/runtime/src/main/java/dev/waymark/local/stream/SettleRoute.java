package dev.waymark.local.stream;

import dev.waymark.core.json.Json;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code POST /_local/settle}: answers once everything accepted so far is processed (and routed to
 * journeys, every run paused on a wait, a timer or a task token), as {@code
 * LocalRuntime.awaitProcessed} does in-process; {@code {"settled":true,"deadLetters":n}}. For
 * scripts and for tests that drive a runtime in another process.
 */
public record SettleRoute(Runnable awaitProcessed, LongSupplier deadLetters)
    implements LocalRoutes {
  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    if (!request.path().equals("/_local/settle")) {
      return Optional.empty();
    }
    if (!request.method().equals("POST")) {
      return Optional.of(LocalResponse.methodNotAllowed(List.of("POST")));
    }
    awaitProcessed.run();
    return Optional.of(
        LocalResponse.json(
            200, Json.write(Map.of("settled", true, "deadLetters", deadLetters.getAsLong()))));
  }
}
