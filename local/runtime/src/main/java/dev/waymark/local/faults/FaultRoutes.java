package dev.waymark.local.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.local.faults.FaultPlan.Target;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /_local/faults} (the plan, the faults injected and the retries seen since it was set),
 * {@code PUT /_local/faults} (a new plan, see {@link FaultPlan}; the counts restart) and {@code
 * DELETE /_local/faults} (no faults).
 */
public record FaultRoutes(Faults faults, Supplier<Map<String, Long>> retries)
    implements LocalRoutes {
  static final String PATH = "/_local/faults";
  static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    if (!request.path().equals(PATH)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (request.method()) {
          case "GET" -> state();
          case "PUT" -> LocalResponse.unlessJson(request).orElseGet(() -> put(request.body()));
          case "DELETE" -> {
            faults.set(FaultPlan.none());
            yield state();
          }
          default -> LocalResponse.methodNotAllowed(List.of("GET", "PUT", "DELETE"));
        });
  }

  private LocalResponse put(String body) {
    try {
      faults.set(FaultPlan.parse(StrictJson.parse(body, "/", MAX_BODY_BYTES)));
    } catch (ProblemException e) {
      return LocalResponse.problem(e.problem());
    }
    return state();
  }

  private LocalResponse state() {
    ObjectNode out = Json.object();
    FaultPlan plan = faults.plan();
    ObjectNode planJson = out.putObject("plan").put("seed", plan.seed());
    for (Target target : Target.values()) {
      FaultPlan.Rates rates = plan.rates(target);
      ObjectNode t = planJson.putObject(target.key());
      t.put(target.firstRate, rates.first()).put(target.secondRate, rates.second());
      rates.operations().forEach(t.putArray("operations")::add);
    }
    out.set("injected", Json.MAPPER.valueToTree(faults.injected()));
    out.put("total", faults.total());
    out.set("retries", Json.MAPPER.valueToTree(retries.get()));
    return LocalResponse.json(200, Json.write(out));
  }
}
