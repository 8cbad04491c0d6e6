package dev.waymark.aws.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the profile adapters need done to a person's segment membership items ({@code P#<id>}/{@code
 * SEG#<segmentId>}), with what is kept about them elsewhere (the member index, the size counter,
 * the pending re-check). The segment adapter implements it.
 */
public interface SegmentMembershipItems {
  /** Erasure: the item, its index entry, its counter share and its re-check go. */
  void erase(String profileId, Map<String, AttributeValue> membershipItem);

  /**
   * A merge: the merged-away profile's membership moves to the survivor (combined with the
   * survivor's own), its index entry, counter share and re-check with it, so the merged-away id
   * stops counting. Idempotent: a membership already moved is left alone.
   */
  void move(String fromProfileId, String toProfileId, Map<String, AttributeValue> membershipItem);
}
