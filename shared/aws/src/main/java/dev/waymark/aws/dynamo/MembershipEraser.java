package dev.waymark.aws.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erases one segment membership item ({@code P#<id>}/{@code SEG#<segmentId>}) with what is kept
 * about it elsewhere (the member index, the size counter, the pending re-check). The erasure of a
 * profile calls it for each such item; the segment adapter implements it.
 */
public interface MembershipEraser {
  void erase(String profileId, Map<String, AttributeValue> membershipItem);
}
