package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of control inside an execution (the main path, a Parallel branch or a Map iteration): its variable
 * scope, its Map item context and the id of its last history event (for previousEventId).
 */
public final class Frame {
    final EngineRuntime rt;
    final ExecutionRecord exec;
    final Variables vars;
    final ObjectNode mapItem;
    private long lastEventId;

    Frame(EngineRuntime rt, ExecutionRecord exec, Variables vars, ObjectNode mapItem, long lastEventId) {
        this.rt = rt;
        this.exec = exec;
        this.vars = vars;
        this.mapItem = mapItem;
        this.lastEventId = lastEventId;
    }

    Frame child(ObjectNode item) {
        return new Frame(rt, exec, new Variables(vars), item, lastEventId);
    }

    long event(String type, String detailsKey, ObjectNode details) {
        long id = exec.history.add(type, lastEventId, detailsKey, details);
        lastEventId = id;
        return id;
    }

    long lastEventId() {
        return lastEventId;
    }
}
