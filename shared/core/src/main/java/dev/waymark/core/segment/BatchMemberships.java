package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.store.Page;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream batch's view of memberships: the memberships its events will read, read together before
 * the batch runs ({@link SegmentMemberships#ofEach}), each handed out once — to the first
 * evaluation of that person in the batch, as if it had read them then. Any later read of the same
 * person (their next event in the batch, after this batch's writes, or a merge) goes to the store.
 * Everything else goes to the store as it is.
 */
final class BatchMemberships implements SegmentMemberships {
  private final SegmentMemberships store;
  private final Map<String, Set<String>> readFor;
  private final Map<String, Map<String, SegmentMembership>> read;

  /**
   * @param readFor the segments read for each person
   * @param read what was read for them (a segment never evaluated for a person is absent)
   */
  BatchMemberships(
      SegmentMemberships store,
      Map<String, Set<String>> readFor,
      Map<String, Map<String, SegmentMembership>> read) {
    this.store = store;
    this.readFor = new ConcurrentHashMap<>(readFor);
    this.read = read;
  }

  @Override
  public Map<String, SegmentMembership> of(String profileId, Set<String> segmentIds) {
    Set<String> prefetched = readFor.remove(profileId);
    if (prefetched == null || !prefetched.containsAll(segmentIds)) {
      return store.of(profileId, segmentIds);
    }
    Map<String, SegmentMembership> some =
        new LinkedHashMap<>(read.getOrDefault(profileId, Map.of()));
    some.keySet().retainAll(segmentIds);
    return some;
  }

  @Override
  public Map<String, SegmentMembership> of(String profileId) {
    readFor.remove(profileId);
    return store.of(profileId);
  }

  @Override
  public void change(
      String profileId,
      SegmentMembership before,
      SegmentMembership after,
      InboundEvent announcement) {
    readFor.remove(profileId);
    store.change(profileId, before, after, announcement);
  }

  @Override
  public Set<String> membersAmong(String segmentId, Collection<String> profileIds) {
    return store.membersAmong(segmentId, profileIds);
  }

  @Override
  public long size(String segmentId) {
    return store.size(segmentId);
  }

  @Override
  public SortedMap<LocalDate, Long> sizes(String segmentId, int days) {
    return store.sizes(segmentId, days);
  }

  @Override
  public Page<String> members(String segmentId, int limit, String cursor) {
    return store.members(segmentId, limit, cursor);
  }
}
