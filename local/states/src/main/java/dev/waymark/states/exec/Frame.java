package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of control inside an execution (the main path, a Parallel branch or a Map iteration):
 * its variable scope, its Map item context, its cancellation and the id of its last history event
 * (for previousEventId).
 */
public final class Frame {
  final EngineRuntime rt;
  final ExecutionRecord exec;
  final Variables vars;
  final ObjectNode mapItem;
  final Cancel cancel;
  final HistoryLog history;

  /**
   * True for the line of control of a Parallel branch (a failing Task there is also reported
   * aborted).
   */
  boolean parallelBranch;

  private long lastEventId;

  /**
   * Cancellation of a branch/iteration (sibling failed) chained to its parent and to StopExecution.
   */
  static final class Cancel {
    private final Cancel parent;
    private final ExecutionRecord exec;
    private volatile boolean set;

    Cancel(Cancel parent, ExecutionRecord exec) {
      this.parent = parent;
      this.exec = exec;
    }

    void set() {
      set = true;
    }

    boolean isSet() {
      return set || exec.stopRequested() || !exec.isRunning() || (parent != null && parent.isSet());
    }
  }

  Frame(
      EngineRuntime rt,
      ExecutionRecord exec,
      Variables vars,
      ObjectNode mapItem,
      Cancel cancel,
      HistoryLog history,
      long lastEventId) {
    this.rt = rt;
    this.history = history;
    this.exec = exec;
    this.vars = vars;
    this.mapItem = mapItem;
    this.cancel = cancel;
    this.lastEventId = lastEventId;
  }

  static Frame root(EngineRuntime rt, ExecutionRecord exec, long lastEventId) {
    return new Frame(
        rt, exec, new Variables(null), null, new Cancel(null, exec), exec.history, lastEventId);
  }

  /** A child line of control with its own variable scope under {@code group}'s cancellation. */
  Frame child(ObjectNode item, Cancel group) {
    return new Frame(
        rt, exec, new Variables(vars), item, new Cancel(group, exec), history, lastEventId);
  }

  /**
   * A distributed Map iteration: a separate child workflow whose events go to {@code log} and which
   * does not see the parent's variables.
   */
  Frame isolatedChild(ObjectNode item, Cancel group, HistoryLog log) {
    return new Frame(
        rt, exec, new Variables(null), item, new Cancel(group, exec), log, lastEventId);
  }

  long event(String type, String detailsKey, ObjectNode details) {
    return event(type, detailsKey, details, lastEventId);
  }

  /** STANDARD executions fail when their history would exceed AWS's 25,000-event quota. */
  static final int HISTORY_LIMIT = 25_000;

  /** Records an event with an explicit previousEventId. */
  long event(String type, String detailsKey, ObjectNode details, long previous) {
    if (history.size() >= HISTORY_LIMIT - 1
        && exec.type == dev.waymark.states.StateMachineType.STANDARD) {
      throw new dev.waymark.states.StatesFailure(
          "States.Runtime",
          "The execution reached the maximum number "
              + "of history events ("
              + HISTORY_LIMIT
              + ").");
    }
    long id = history.add(type, previous, detailsKey, details);
    lastEventId = id;
    return id;
  }

  /** After joining children (Parallel, Map): continue from the latest event any of them wrote. */
  void syncToLatest() {
    lastEventId = Math.max(lastEventId, history.size());
  }

  long lastEventId() {
    return lastEventId;
  }
}
