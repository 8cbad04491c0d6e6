package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.store.Page;

/** Reading a profile's records, and erasing everything about a person. */
public interface ProfileRecords {
  /** The profile's events, newest first. A cursor that is not one this store issued is refused. */
  Page<ObjectNode> timeline(String profileId, int limit, String cursor);

  /**
   * Erases a person: stops their running journey runs through {@code runs}, then deletes the
   * profile and the profiles merged into it with everything keyed by them (identities, events,
   * messages, runs, waits, memberships and their re-checks) and scrubs what must stay (send-ledger
   * addresses become hashes, inbox items lose their payload). Repeatable after a crash half-way.
   */
  ErasureReport erase(Profile profile, ExecutionStopper runs);
}
