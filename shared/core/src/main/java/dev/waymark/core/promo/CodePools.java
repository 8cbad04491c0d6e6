package dev.waymark.core.promo;

import java.util.List;
import java.util.Optional;

/**
 * Pools of unique promo codes, one set of pools per journey (port; the DynamoDB adapter is {@code
 * DynamoCodePools}). A code is given at most once, ever: {@link #draw} takes a free code with a
 * conditional write, so two concurrent draws never get the same one; drawing again with the same
 * claim key answers the code it gave before.
 */
public interface CodePools {
  /** Adds codes to a pool (created on first use); a code the pool already has is left out. */
  Added add(String journeyId, String pool, List<String> codes);

  /**
   * A free code of the pool for this claim key (the same key answers the same code), or empty when
   * the pool has no free code left (or does not exist).
   */
  Optional<String> draw(String journeyId, String pool, String claimKey);

  /** One pool's counts, if it exists. */
  Optional<PoolCounts> counts(String journeyId, String pool);

  /** The journey's pools, by pool id. */
  List<PoolCounts> pools(String journeyId);

  /** The outcome of an import: codes added, codes left out as already in the pool, the counts. */
  record Added(int added, int alreadyInPool, PoolCounts counts) {}

  /** {@code remaining} = {@code imported} - {@code given}. */
  record PoolCounts(String pool, long imported, long given) {
    public long remaining() {
      return imported - given;
    }
  }

  /** No pools at all: every draw finds none (for compositions that send without pools). */
  CodePools NONE =
      new CodePools() {
        @Override
        public Added add(String journeyId, String pool, List<String> codes) {
          throw new UnsupportedOperationException("no code pools in this composition");
        }

        @Override
        public Optional<String> draw(String journeyId, String pool, String claimKey) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolCounts> counts(String journeyId, String pool) {
          return Optional.empty();
        }

        @Override
        public List<PoolCounts> pools(String journeyId) {
          return List.of();
        }
      };
}
