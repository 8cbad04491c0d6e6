package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.store.ConcurrentChangeException;
import dev.waymark.core.store.Page;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Who is in which segment: per person (with entry/exit history), per segment (a member index and a
 * size counter, so sizes and samples never scan).
 */
public interface SegmentMemberships {

  /** The person's memberships by segment id (segments never evaluated for them are absent). */
  Map<String, SegmentMembership> of(String profileId);

  /** The person's memberships of these segments only (those never evaluated are absent). */
  default Map<String, SegmentMembership> of(String profileId, Set<String> segmentIds) {
    Map<String, SegmentMembership> some = new LinkedHashMap<>(of(profileId));
    some.keySet().retainAll(segmentIds);
    return some;
  }

  /**
   * Several people's memberships of the segments named for each, in as few round trips as the store
   * can (a stream batch's people, read together before their events are evaluated).
   */
  default Map<String, Map<String, SegmentMembership>> ofEach(Map<String, Set<String>> wanted) {
    Map<String, Map<String, SegmentMembership>> found = new HashMap<>();
    wanted.forEach((profileId, segmentIds) -> found.put(profileId, of(profileId, segmentIds)));
    return found;
  }

  /**
   * Records an entry or exit, atomically with the member index, the size counter and the announcing
   * event's inbox item. Conditional on {@code before.version()}; a lost race throws {@link
   * ConcurrentChangeException} and changes nothing.
   */
  void change(
      String profileId,
      SegmentMembership before,
      SegmentMembership after,
      InboundEvent announcement);

  /**
   * Which of these people are in the segment now, in as few round trips as the store can (an
   * audience run checks its hour's members together).
   */
  default Set<String> membersAmong(String segmentId, Collection<String> profileIds) {
    Set<String> members = new HashSet<>();
    for (String id : profileIds) {
      SegmentMembership m = of(id).get(segmentId);
      if (m != null && m.member()) {
        members.add(id);
      }
    }
    return members;
  }

  /** How many people are in the segment now. */
  long size(String segmentId);

  /**
   * The segment's size at the end of each of the last {@code days} UTC days (today's: now), oldest
   * first.
   */
  SortedMap<LocalDate, Long> sizes(String segmentId, int days);

  /** The segment's members, a page at a time (profile ids). */
  Page<String> members(String segmentId, int limit, String cursor);
}
