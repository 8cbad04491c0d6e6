package dev.waymark.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.profile.Traits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory account store, for unit tests of what reads accounts. */
public final class InMemoryAccounts implements AccountStore {
  private final Map<String, Traits> accounts = new TreeMap<>();
  private final Map<String, Set<String>> links = new ConcurrentHashMap<>();

  @Override
  public synchronized void applyTraits(String accountId, ObjectNode traits, Instant at) {
    accounts.put(accountId, accounts.getOrDefault(accountId, Traits.empty()).applying(traits, at));
  }

  @Override
  public synchronized void link(String profileId, String accountId, Instant at) {
    links.computeIfAbsent(profileId, p -> new TreeSet<>()).add(accountId);
  }

  @Override
  public synchronized List<Account> accountsOf(String profileId) {
    return links.getOrDefault(profileId, Set.of()).stream()
        .map(id -> new Account(id, accounts.getOrDefault(id, Traits.empty())))
        .toList();
  }
}
