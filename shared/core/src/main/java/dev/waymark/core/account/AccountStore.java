package dev.waymark.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The shared account items and the links from people to them. */
public interface AccountStore {
  /**
   * Applies a group call's traits to the account (created on first use), by event time as profile
   * traits are: an older call never overwrites a newer value. Replaying a call changes nothing.
   */
  void applyTraits(String accountId, ObjectNode traits, Instant at);

  /**
   * Links a live profile to an account (idempotent).
   *
   * @throws dev.waymark.core.store.ConcurrentChangeException when the profile is no longer live (it
   *     was merged meanwhile): resolve it and link the survivor
   */
  void link(String profileId, String accountId, Instant at);

  /** The accounts a profile is linked to, ordered by account id. */
  List<Account> accountsOf(String profileId);
}
