package dev.waymark.bench.scale;

import java.util.SplittableRandom;

/**
 * The designed audience path: the audience-schedule function pages the segment's sharded member
 * index into a manifest (S3), then starts one Standard "audience run" whose Distributed Map reads
 * the manifest in batches ({@code ItemBatcher}) and runs one child execution per batch, at most
 * {@code MaxConcurrency} at once. Each child invokes the journey task once for its whole batch and
 * adds the batch to the journey counter in one write. One StartExecution, whatever the audience's
 * size. MaxConcurrency is chosen so that the Map enters no more than the target rate, the table's
 * write throughput and the Lambda concurrency allow.
 */
public final class MapFanOut {
  /** Express children (journeys whose audience part needs no long wait) or Standard children. */
  public enum Children {
    EXPRESS,
    STANDARD
  }

  /**
   * @param batch members per child execution
   * @param childOverheadSeconds a child's fixed time (start, one Lambda invocation's overhead)
   * @param memberSeconds the journey task's time per member (profile read, send, ledger writes)
   * @param lambdaShare the part of the account's Lambda concurrency the Map may take
   * @param targetPerSecond the entry rate the Map is paced to
   * @param prepSeconds paging the member index into the manifest before the run starts
   * @param keyBytes one member-index item read while paging (keys only)
   */
  public record Plan(
      Children children,
      int batch,
      double childOverheadSeconds,
      double memberSeconds,
      int taskMemoryMb,
      int expressMemoryMb,
      double lambdaShare,
      double targetPerSecond,
      double prepSeconds,
      int keyBytes) {

    public static Plan typical(Children children, double targetPerSecond) {
      return new Plan(children, 100, 0.05, 0.005, 1024, 64, 0.8, targetPerSecond, 2, 100);
    }

    double childSeconds(int size) {
      return childOverheadSeconds + size * memberSeconds;
    }
  }

  private final Account account;
  private final EventLoop loop;
  private final SplittableRandom random;
  private final Plan plan;
  private final RunShape shape;
  private final int members;
  private final int childCount;
  private final int concurrency;
  private final TokenBucket transitions;
  private final Bill bill;
  private int nextChild;
  private int active;

  private MapFanOut(int members, Plan plan, Quotas quotas, RunShape shape, long seed) {
    this.random = new SplittableRandom(seed);
    this.plan = plan;
    this.shape = shape;
    this.members = members;
    this.childCount = (members + plan.batch() - 1) / plan.batch();
    this.concurrency = maxConcurrency(plan, quotas, shape);
    this.account = new Account(quotas, shape);
    this.loop = account.loop;
    this.transitions = account.transitions;
    this.bill = account.bill;
  }

  /**
   * The Map's MaxConcurrency: as many children as enter {@code targetPerSecond} (or what the
   * table's write throughput allows, if less), within the Map's own limit and the Lambda share.
   */
  static int maxConcurrency(Plan plan, Quotas quotas, RunShape shape) {
    double rate =
        Math.min(
            plan.targetPerSecond(), 0.9 * quotas.tableWriteUnits() / shape.writeUnitsPerEntry());
    int paced = (int) Math.ceil(rate * plan.childSeconds(plan.batch()) / plan.batch());
    int lambdas = (int) Math.floor(quotas.lambdaConcurrency() * plan.lambdaShare());
    return Math.max(1, Math.min(paced, Math.min(lambdas, quotas.mapMaxConcurrency())));
  }

  public static Outcome run(
      int members, Plan plan, Quotas quotas, RunShape shape, Prices prices, long seed) {
    MapFanOut sim = new MapFanOut(members, plan, quotas, shape, seed);
    sim.bill.readUnits(Math.ceil(members * (double) plan.keyBytes() / 4096) * 0.5);
    sim.bill.lambda(1, plan.prepSeconds(), plan.taskMemoryMb());
    sim.loop.at(EventLoop.seconds(plan.prepSeconds()), sim::startAudienceRun);
    String name =
        "distributed Map, "
            + plan.children().name().toLowerCase(java.util.Locale.ROOT)
            + " children of "
            + plan.batch();
    return sim.account.finish(name, () -> members, () -> 0, prices);
  }

  private void startAudienceRun() {
    if (!account.starts.tryTake(loop.now(), 1)) {
      account.throttles++;
      loop.after(EventLoop.seconds(0.5), this::startAudienceRun);
      return;
    }
    transitions.reserve(loop.now(), 2); // the run's first state and the Map state itself
    bill.standardTransitions(3); // ... and the state after the Map
    launch();
  }

  private void launch() {
    while (active < concurrency && nextChild < childCount) {
      int child = nextChild++;
      active++;
      long now = loop.now();
      int size = Math.min(plan.batch(), members - child * plan.batch());
      long begin =
          Math.max(
              transitions.reserve(now, 1), // a child started is a transition of the audience run
              account.tableWrites.reserve(now, size * shape.writeUnitsPerEntry() + 1));
      bill.standardTransitions(1);
      if (plan.children() == Children.STANDARD) { // the child itself is a Standard run
        begin = Math.max(begin, account.standardRunStarted(0, false)); // its task: see below
      }
      double jitter = 0.8 + 0.4 * random.nextDouble();
      double seconds = plan.childSeconds(size) * jitter;
      for (int i = 0; i < size; i++) {
        double at = (plan.childOverheadSeconds() + (i + 1) * plan.memberSeconds()) * jitter;
        account.delays.record(0, begin + EventLoop.seconds(at));
      }
      bill.lambda(1, seconds, plan.taskMemoryMb());
      if (plan.children() == Children.EXPRESS) {
        bill.expressExecution(seconds, plan.expressMemoryMb());
      }
      bill.writeUnits(size * shape.writeUnitsPerEntry() + 1);
      account.counters.write(now, child);
      loop.at(
          begin + EventLoop.seconds(seconds),
          () -> {
            active--;
            launch();
          });
    }
  }
}
