package dev.waymark.core.account;

import dev.waymark.core.event.EventType;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.ConcurrentChangeException;

/**
 * A group call's effect: the account's traits are applied to the shared account item, and the
 * person is linked to it. Runs before the segment evaluator, so the call's own member sees the new
 * traits. Idempotent: a replay applies the same traits at the same event time and re-writes the
 * same link.
 */
public final class AccountLinks implements ProcessedEventListener {
  private static final int MAX_PASSES = 8;

  private final AccountStore accounts;
  private final ProfileService profiles;

  public AccountLinks(AccountStore accounts, ProfileService profiles) {
    this.accounts = accounts;
    this.profiles = profiles;
  }

  @Override
  public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
    if (event.type() != EventType.GROUP) {
      return;
    }
    String accountId = event.groupId();
    accounts.applyTraits(accountId, event.accountTraits(), event.timestamp());
    String profileId = outcome.profile().id();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      try {
        accounts.link(profileId, accountId, event.timestamp());
        return;
      } catch (ConcurrentChangeException merged) {
        // the person was merged meanwhile: link the survivor (or nobody, if they were erased)
        var survivor = profiles.resolve(profileId).map(Profile::id);
        if (survivor.isEmpty()) {
          return;
        }
        profileId = survivor.get();
      }
    }
    throw new IllegalStateException("group call " + event.messageId() + " kept losing races");
  }
}
