package dev.waymark.local.chaos;

import dev.waymark.local.LocalRuntime;

/**
 * {@code ./waymark chaos [people]}: the chaos run on a fresh local runtime (default 1,000 people,
 * 10,000 events, 10% faults, 5% duplicates), its figures printed; exits 1 if an invariant broke.
 */
public final class ChaosMain {
  private ChaosMain() {}

  public static void main(String[] args) throws Exception {
    Chaos.Settings full = Chaos.Settings.full();
    Chaos.Settings settings =
        args.length == 0
            ? full
            : new Chaos.Settings(
                Integer.parseInt(args[0]),
                full.faultRate(),
                full.duplicateRate(),
                full.batchSize(),
                full.seed());
    System.out.printf(
        "chaos: %d events over %d people, %.0f%% faults, %.0f%% duplicates, seed %d%n",
        settings.events(),
        settings.people(),
        settings.faultRate() * 100,
        settings.duplicateRate() * 100,
        settings.seed());
    boolean held;
    try (LocalRuntime runtime = Chaos.freshRuntime()) {
      ChaosFigures figures = new Chaos(runtime, settings).run();
      System.out.print(figures.printout());
      held = figures.held();
    }
    System.exit(held ? 0 : 1);
  }
}
