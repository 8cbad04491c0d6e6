package dev.waymark.aws.dynamo;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Group commit: callers whose requests overlap in time are served by one request. A caller that
 * finds no request in flight makes one at once (so a lone caller costs what it did alone); callers
 * that arrive meanwhile queue, and the next request serves as many of them as fit. Nothing waits
 * for a group to fill. One request is in flight at a time per instance.
 *
 * @param <M> one caller's request and, once settled, its outcome
 */
abstract class GroupCommit<M extends GroupCommit.Member> {
  /** One caller: settled with a failure, or with none. */
  static class Member {
    boolean settled;
    RuntimeException failure;
  }

  private final ArrayDeque<M> queue = new ArrayDeque<>();
  private boolean inFlight;
  private long requests;

  /**
   * Removes from {@code queue} (oldest first) the members one request can serve, and returns them.
   */
  protected abstract List<M> take(ArrayDeque<M> queue);

  /** Serves a group: settles each member ({@link #settle}) or queues it again ({@link #again}). */
  protected abstract void serve(List<M> group);

  /**
   * Waits until {@code mine} is served (by this caller's request or another's); throws its failure.
   */
  protected final void submit(M mine) {
    synchronized (this) {
      queue.add(mine);
    }
    while (true) {
      List<M> group;
      synchronized (this) {
        while (!mine.settled && inFlight) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.remove(mine);
            if (!mine.settled) {
              throw new IllegalStateException("interrupted before the request was made", e);
            }
          }
        }
        if (mine.settled) {
          if (mine.failure != null) {
            throw mine.failure;
          }
          return;
        }
        inFlight = true;
        group = take(queue);
      }
      try {
        serve(group);
      } finally {
        synchronized (this) {
          // a member neither settled nor queued again (an Error cut the request short) is failed,
          // so that no caller waits for a request that will not come
          for (M m : group) {
            if (!m.settled && !queue.contains(m)) {
              settle(m, new IllegalStateException("the request did not complete"));
            }
          }
          inFlight = false;
          notifyAll();
        }
      }
    }
  }

  protected final synchronized void settle(M member, RuntimeException failure) {
    member.failure = failure;
    member.settled = true;
  }

  /** Queues members again, ahead of the others, for the next request. */
  protected final synchronized void again(List<M> members) {
    members.reversed().forEach(queue::addFirst);
  }

  /** Counts a request made (for tests). */
  protected final synchronized void counted() {
    requests++;
  }

  /** Callers waiting for a request (for tests). */
  synchronized int queued() {
    return queue.size();
  }

  /** Whether a request is in flight (for tests). */
  synchronized boolean inFlight() {
    return inFlight;
  }

  /** Requests made so far (for tests). */
  synchronized long requests() {
    return requests;
  }
}
