package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.MapRunInfo;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.json.Json;

/**
 * The Map state: inline and distributed (items from the input), with ItemSelector, batching and
 * tolerances.
 */
final class MapState {
  static final String THRESHOLD = "States.ExceedToleratedFailureThreshold";

  private MapState() {}

  static Transition run(StateRun r) {
    return ErrorHandling.run(
        r,
        () -> attempt(r),
        f -> {
          if (!"States.Runtime".equals(f.error())) {
            StateRunner.logEvaluationFailure(r, f);
            r.frame.event("MapStateFailed", null, null);
          }
        });
  }

  private static Transition attempt(StateRun r) {
    JsonNode eff = Io.effectiveInput(r);
    ArrayNode items =
        r.test != null && r.test.mapItemReaderData != null
            ? (ArrayNode) r.test.mapItemReaderData
            : MapItems.items(r, eff);
    ObjectNode started = Json.object().put("length", items.size());
    r.frame.event("MapStateStarted", "mapStateStartedEventDetails", started);
    MapItems.Tolerance tol = MapItems.tolerance(r, eff);
    int maxConcurrency = MapItems.maxConcurrency(r, eff);
    if (!r.jsonata) {
      r.inspect("afterItemsPath", items);
    }
    r.inspect("maxConcurrency", Json.F.numberNode(maxConcurrency));
    if (r.has("ToleratedFailureCount") || r.has("ToleratedFailureCountPath")) {
      r.inspect("toleratedFailureCount", Json.F.numberNode(tol.count()));
    }
    boolean distributed = isDistributed(r);
    if (r.test != null && r.test.mocked()) {
      return mocked(r, eff, items, tol, distributed);
    }
    JsonNode processor = r.has("ItemProcessor") ? r.field("ItemProcessor") : r.field("Iterator");
    Definition def = Definition.of(processor, r.def.languageOf(r.state));
    JsonNode result =
        distributed
            ? runDistributed(r, def, items, eff, maxConcurrency, tol)
            : runInline(r, def, items, eff, maxConcurrency);
    r.frame.event("MapStateSucceeded", null, null);
    return Io.finish(r, Io.resultSelector(r, result), eff, SimpleStates.next(r));
  }

  private static Transition mocked(
      StateRun r, JsonNode eff, ArrayNode items, MapItems.Tolerance tol, boolean distributed) {
    if (r.test.mockError != null) {
      r.test.mockOutcome();
    }
    boolean configured =
        r.has("ToleratedFailureCount")
            || r.has("ToleratedFailureCountPath")
            || r.has("ToleratedFailurePercentage")
            || r.has("ToleratedFailurePercentagePath");
    int allowed = distributed ? tol.allowedFailures(items.size()) : 0;
    if (configured && r.test.mapIterationFailureCount > allowed) {
      throw new StatesFailure(THRESHOLD, "The specified tolerated failure threshold was exceeded");
    }
    JsonNode result = r.test.mockOutcome();
    return Io.finish(r, Io.resultSelector(r, result), eff, SimpleStates.next(r));
  }

  private static boolean isDistributed(StateRun r) {
    JsonNode proc = r.has("ItemProcessor") ? r.field("ItemProcessor") : r.field("Iterator");
    return proc != null && "DISTRIBUTED".equals(proc.path("ProcessorConfig").path("Mode").asText());
  }

  private static JsonNode runInline(
      StateRun r, Definition def, ArrayNode items, JsonNode eff, int maxConc) {
    String iterName = r.name;
    Fanout.Outcome o =
        Fanout.run(
            r,
            items.size(),
            maxConc,
            0,
            (i, group) -> {
              ObjectNode item = itemContext(i, items.get(i));
              Frame child = r.frame.child(item, group);
              ObjectNode d = Json.object().put("index", i).put("name", iterName);
              child.event("MapIterationStarted", "mapIterationStartedEventDetails", d);
              try {
                JsonNode in = MapItems.selectItem(r, eff, item);
                JsonNode out = Interpreter.run(def, in, child);
                child.event(
                    "MapIterationSucceeded", "mapIterationSucceededEventDetails", d.deepCopy());
                return out;
              } catch (StatesFailure f) {
                child.event("MapIterationFailed", "mapIterationFailedEventDetails", d.deepCopy());
                throw f;
              } catch (Aborted a) {
                child.event("MapIterationAborted", "mapIterationAbortedEventDetails", d.deepCopy());
                throw a;
              }
            });
    for (StatesFailure f : o.failures()) {
      if (f != null) {
        throw f;
      }
    }
    return collect(o);
  }

  private static JsonNode runDistributed(
      StateRun r,
      Definition def,
      ArrayNode items,
      JsonNode eff,
      int maxConc,
      MapItems.Tolerance tol) {
    String label = r.state.path("Label").asText(r.name);
    String mapRunArn =
        r.frame.exec.stateMachineArn.replace(":stateMachine:", ":mapRun:")
            + "/"
            + label
            + ":"
            + java.util.UUID.randomUUID();
    r.frame.exec.mapRunArn = mapRunArn;
    r.frame.event(
        "MapRunStarted", "mapRunStartedEventDetails", Json.object().put("mapRunArn", mapRunArn));
    var run =
        new MapRunInfo(
            mapRunArn,
            r.frame.exec.arn,
            "RUNNING",
            r.frame.rt.clock.now(),
            null,
            maxConc,
            tol.count(),
            tol.percentage(),
            items.size(),
            0,
            0);
    r.frame.exec.mapRuns.add(run);
    int allowed = tol.allowedFailures(items.size());
    HistoryLog childLog = new HistoryLog(r.frame.rt.clock::now, false);
    Fanout.Outcome o =
        Fanout.run(
            r,
            items.size(),
            maxConc,
            allowed,
            (i, group) -> {
              ObjectNode item = itemContext(i, items.get(i));
              Frame child = r.frame.isolatedChild(item, group, childLog);
              return Interpreter.run(def, MapItems.selectItem(r, eff, item), child);
            });
    boolean failed = o.failed() > allowed;
    r.frame.exec.mapRuns.set(
        r.frame.exec.mapRuns.indexOf(run),
        new MapRunInfo(
            mapRunArn,
            run.executionArn(),
            failed ? "FAILED" : "SUCCEEDED",
            run.startDate(),
            r.frame.rt.clock.now(),
            maxConc,
            tol.count(),
            tol.percentage(),
            items.size(),
            items.size() - o.failed(),
            o.failed()));
    if (failed) {
      StatesFailure f =
          new StatesFailure(THRESHOLD, "The specified tolerated failure threshold was exceeded");
      ObjectNode d = Json.object().put("error", f.error()).put("cause", f.cause());
      r.frame.event("MapRunFailed", "mapRunFailedEventDetails", d);
      throw f;
    }
    r.frame.event("MapRunSucceeded", null, null);
    return collect(o);
  }

  private static ArrayNode collect(Fanout.Outcome o) {
    ArrayNode result = Json.array();
    for (int i = 0; i < o.outputs().length; i++) {
      if (o.failures()[i] != null) {
        result.add(ErrorHandling.errorOutput(o.failures()[i]));
      } else {
        result.add(o.outputs()[i]);
      }
    }
    return result;
  }

  static ObjectNode itemContext(int index, JsonNode value) {
    ObjectNode item = Json.object();
    item.put("Index", index);
    item.set("Value", value);
    return item;
  }
}
