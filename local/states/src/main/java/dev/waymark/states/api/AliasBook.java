package dev.waymark.states.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What DescribeStateMachineAlias reports beyond the engine's routing map: the description, the
 * routing in the order the client gave it, and the creation and update dates. Aliases made outside
 * the endpoint have no entry.
 */
final class AliasBook {
  record Entry(String description, ArrayNode routing, Instant created, Instant updated) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  Entry get(String aliasArn) {
    return entries.get(aliasArn);
  }

  void put(String aliasArn, Entry e) {
    entries.put(aliasArn, e);
  }

  void remove(String aliasArn) {
    entries.remove(aliasArn);
  }
}
