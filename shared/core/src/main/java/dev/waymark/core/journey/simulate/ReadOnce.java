package dev.waymark.core.journey.simulate;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.TemplateDocument;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentMemberships;
import dev.waymark.core.send.Suppressions;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a simulation reads from the live stores, read once per simulation and kept: templates (by id
 * and version), suppressions (by channel and address) and segment memberships (by person). A
 * simulation answers as of one moment, and a thousand people's sends would otherwise read the same
 * template a thousand times. Writes are refused: a simulation writes nothing.
 */
public final class ReadOnce {
  private ReadOnce() {}

  /** The template store, each template and version read once. */
  public static TemplateStore templates(TemplateStore live) {
    Map<String, Optional<TemplateStore.StoredTemplate>> read = new ConcurrentHashMap<>();
    return new TemplateStore() {
      @Override
      public Saved put(String id, TemplateDocument document, Instant at) {
        throw new UnsupportedOperationException("a simulation writes no template");
      }

      @Override
      public Optional<StoredTemplate> latest(String id) {
        return read.computeIfAbsent(id + "@latest", k -> live.latest(id));
      }

      @Override
      public Optional<StoredTemplate> version(String id, int version) {
        return read.computeIfAbsent(id + "@" + version, k -> live.version(id, version));
      }

      @Override
      public List<StoredTemplate> versions(String id) {
        return live.versions(id);
      }

      @Override
      public List<String> ids() {
        return live.ids();
      }
    };
  }

  /** The suppression list, each address read once. */
  public static Suppressions suppressions(Suppressions live) {
    Map<String, Boolean> read = new ConcurrentHashMap<>();
    return new Suppressions() {
      @Override
      public boolean suppressed(Channel channel, String address) {
        return read.computeIfAbsent(
            channel + "|" + address, k -> live.suppressed(channel, address));
      }

      @Override
      public void suppress(Channel channel, String address, String reason) {
        throw new UnsupportedOperationException("a simulation suppresses nothing");
      }
    };
  }

  /** Segment memberships, each person's read once (members and sizes read through). */
  public static SegmentMemberships memberships(SegmentMemberships live) {
    Map<String, Map<String, SegmentMembership>> read = new ConcurrentHashMap<>();
    return new SegmentMemberships() {
      @Override
      public Map<String, SegmentMembership> of(String profileId) {
        return read.computeIfAbsent(profileId, live::of);
      }

      @Override
      public void change(
          String profileId,
          SegmentMembership before,
          SegmentMembership after,
          InboundEvent announcement) {
        throw new UnsupportedOperationException("a simulation changes no membership");
      }

      @Override
      public long size(String segmentId) {
        return live.size(segmentId);
      }

      @Override
      public Page<String> members(String segmentId, int limit, String cursor) {
        return live.members(segmentId, limit, cursor);
      }

      @Override
      public java.util.SortedMap<java.time.LocalDate, Long> sizes(String segmentId, int days) {
        return live.sizes(segmentId, days);
      }
    };
  }

  /** Whether a person is in a segment now, as {@code memberships} has it. */
  public static boolean isMember(SegmentMemberships memberships, String profileId, String segment) {
    SegmentMembership m = memberships.of(profileId).get(segment);
    return m != null && m.member();
  }
}
