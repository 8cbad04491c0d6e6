package dev.waymark.core.send;

import dev.waymark.core.journey.JourneyStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link SendRecords} through the separate ports, one call after another (the simulation's scratch
 * stores; a store that has no batch reads or transactions).
 */
public record SeparateSendRecords(
    SendLedger ledger,
    Suppressions suppressions,
    MessageLog log,
    JourneyStore journeys,
    Function<String, Optional<String>> layouts)
    implements SendRecords {
  @Override
  public Prior prior(
      String runId, String stepId, List<Address> addresses, Optional<String> layout) {
    return new Prior(
        ledger.find(runId, stepId),
        addresses.stream()
            .filter(a -> suppressions.suppressed(a.channel(), a.address()))
            .collect(Collectors.toSet()),
        layout.flatMap(layouts));
  }

  @Override
  public void finish(Finished f) {
    ledger.complete(f.request().runId(), f.request().stepId(), f.outcome());
    log.record(f.profileId(), f.at(), f.request(), f.outcome());
    journeys.trace(f.trace());
    journeys.count(f.request().journeyId(), f.version(), f.counter(), 1);
  }
}
