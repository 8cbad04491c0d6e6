package dev.waymark.states;

import dev.waymark.states.exec.ExecutionRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executions an engine still knows, forgotten as {@link ExecutionRetention} says. Closed
 * executions queue in the order they closed; each close forgets from the head of the queue while
 * the queue is over a cap (executions, or their history events together; the newest closed one is
 * always kept) or its head closed longer ago than the retention, so a close costs O(1) amortised
 * and nothing scans all executions. A lookup also treats an execution closed longer ago than the
 * retention as forgotten, so time advancing without closes cannot resurrect it. A closed child
 * whose parent still runs is held aside (not queued) until its parent closes. The name of an
 * execution forgotten because of the cap stays taken until its retention ends, as on AWS (where
 * nothing is forgotten earlier); engine-generated names (UUIDs) are not held.
 *
 * <p>Not thread-safe: {@link Executions} guards it with its own monitor.
 */
final class KeptExecutions {
  private record Kept(ExecutionRecord rec, String parentArn, boolean holdName) {}

  /** A queued closed execution and its history's size when it was queued. */
  private record Closed(Kept kept, int events) {}

  private record HeldName(String arn, Instant closedAt) {}

  private final ExecutionRetention retention;
  private final Map<String, Kept> kept = new LinkedHashMap<>();
  private final ArrayDeque<Closed> closed = new ArrayDeque<>();
  private long closedEvents;
  private final Map<String, List<Kept>> heldForParent = new HashMap<>();
  private final Map<String, Instant> heldNames = new HashMap<>();
  private final ArrayDeque<HeldName> heldNameOrder = new ArrayDeque<>();

  KeptExecutions(ExecutionRetention retention) {
    this.retention = retention;
  }

  /** A known execution, or null (never started, or forgotten). */
  ExecutionRecord find(String arn, Instant now) {
    Kept k = kept.get(arn);
    return k == null || expired(k.rec.stopDate(), now) ? null : k.rec;
  }

  /** An execution as the engine itself sees it (a parent finding its child): no expiry check. */
  ExecutionRecord findForEngine(String arn) {
    Kept k = kept.get(arn);
    return k == null ? null : k.rec;
  }

  /** Whether a forgotten execution's name is still taken (forgotten early, because of the cap). */
  boolean nameHeld(String arn, Instant now) {
    Instant closedAt = heldNames.get(arn);
    return closedAt != null && !expired(closedAt, now);
  }

  /** Adds a started execution (replacing a forgotten one of the same ARN). */
  void started(ExecutionRecord rec, String parentArn, boolean generatedName, Instant now) {
    heldNames.remove(rec.arn);
    kept.put(rec.arn, new Kept(rec, parentArn, !generatedName));
    forget(now);
  }

  /** Queues a closed execution for forgetting, then forgets what the retention says. */
  void closed(ExecutionRecord rec, Instant now) {
    Kept k = kept.get(rec.arn);
    if (k == null || k.rec != rec) {
      return;
    }
    List<Kept> children = heldForParent.remove(rec.arn);
    if (children != null) {
      children.forEach(this::queue); // they closed before their parent: forgotten before it
    }
    Kept parent = k.parentArn == null ? null : kept.get(k.parentArn);
    if (parent != null && parent.rec.isRunning()) {
      heldForParent.computeIfAbsent(k.parentArn, p -> new ArrayList<>()).add(k);
    } else {
      queue(k);
    }
    forget(now);
  }

  /** The known executions, in start order. */
  List<ExecutionRecord> all(Instant now) {
    List<ExecutionRecord> out = new ArrayList<>(kept.size());
    for (Kept k : kept.values()) {
      if (!expired(k.rec.stopDate(), now)) {
        out.add(k.rec);
      }
    }
    return out;
  }

  /** How many closed executions are kept (for memory checks). */
  int closedCount() {
    int n = 0;
    for (Kept k : kept.values()) {
      n += k.rec.isRunning() ? 0 : 1;
    }
    return n;
  }

  private void queue(Kept k) {
    Closed c = new Closed(k, k.rec.history.size());
    closed.add(c);
    closedEvents += c.events();
  }

  private Kept dequeue() {
    Closed c = closed.poll();
    closedEvents -= c.events();
    return c.kept();
  }

  private void forget(Instant now) {
    while (closed.size() > retention.closedCap()
        || (closedEvents > retention.closedEventCap() && closed.size() > 1)) {
      Kept k = dequeue();
      if (drop(k) && k.holdName && !expired(k.rec.stopDate(), now)) {
        heldNames.put(k.rec.arn, k.rec.stopDate());
        heldNameOrder.add(new HeldName(k.rec.arn, k.rec.stopDate()));
      }
    }
    while (!closed.isEmpty() && expired(closed.peek().kept().rec.stopDate(), now)) {
      drop(dequeue());
    }
    while (!heldNameOrder.isEmpty() && expired(heldNameOrder.peek().closedAt(), now)) {
      HeldName h = heldNameOrder.poll();
      heldNames.remove(h.arn(), h.closedAt());
    }
  }

  /** Forgets a queued execution unless a newer one of the same ARN replaced it; whether it did. */
  private boolean drop(Kept k) {
    return kept.remove(k.rec.arn, k);
  }

  private boolean expired(Instant closedAt, Instant now) {
    return closedAt != null
        && retention.afterClose() != null
        && !now.isBefore(closedAt.plus(retention.afterClose()));
  }
}
