package dev.waymark.core.journey.simulate;

import dev.waymark.core.promo.CodePools;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Promo code pools as a simulation sees them: the live pools' remaining counts, read, never drawn
 * from. Each simulated draw takes one of the remaining codes in memory and answers a placeholder
 * ({@code <pool>-SIMULATED-<n>}), so a simulation predicts when a pool runs out ({@code
 * code_pool_exhausted}) without giving a real code away.
 */
public final class ScratchCodePools implements CodePools {
  private final CodePools live;
  private final Map<String, AtomicLong> left = new ConcurrentHashMap<>();
  private final Map<String, String> claims = new ConcurrentHashMap<>();

  public ScratchCodePools(CodePools live) {
    this.live = live;
  }

  @Override
  public Added add(String journeyId, String pool, List<String> codes) {
    throw new UnsupportedOperationException("a simulation imports no codes");
  }

  @Override
  public Optional<String> draw(String journeyId, String pool, String claimKey) {
    String key = journeyId + "/" + pool;
    String claimed = claims.get(key + "/" + claimKey);
    if (claimed != null) {
      return Optional.of(claimed);
    }
    AtomicLong remaining =
        left.computeIfAbsent(
            key,
            k ->
                new AtomicLong(live.counts(journeyId, pool).map(PoolCounts::remaining).orElse(0L)));
    long n = remaining.getAndDecrement();
    if (n <= 0) {
      return Optional.empty();
    }
    String code = pool + "-SIMULATED-" + n;
    claims.put(key + "/" + claimKey, code);
    return Optional.of(code);
  }

  @Override
  public Optional<PoolCounts> counts(String journeyId, String pool) {
    return live.counts(journeyId, pool);
  }

  @Override
  public List<PoolCounts> pools(String journeyId) {
    return live.pools(journeyId);
  }
}
