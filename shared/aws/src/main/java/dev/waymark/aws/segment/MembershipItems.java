package dev.waymark.aws.segment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.json.Json;
import dev.waymark.core.segment.SegmentMembership;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The membership item {@code P#<id>}/{@code SEG#<segmentId>} and back. */
final class MembershipItems {
  private record StoredChange(String change, String at) {}

  private MembershipItems() {}

  static Map<String, AttributeValue> item(String profileId, SegmentMembership m) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(profileId), Keys.segmentMembership(m.segmentId())));
    item.put("segmentId", Attr.s(m.segmentId()));
    item.put("member", AttributeValue.fromBool(m.member()));
    item.put("version", Attr.n(m.version()));
    putTime(item, "enteredAt", m.enteredAt());
    putTime(item, "exitedAt", m.exitedAt());
    putTime(item, "dueAt", m.dueAt());
    List<StoredChange> history =
        m.history().stream()
            .map(c -> new StoredChange(c.entered() ? "entered" : "exited", c.at().toString()))
            .toList();
    item.put("history", Attr.s(Json.write(history)));
    return item;
  }

  static SegmentMembership membership(Map<String, AttributeValue> item) {
    AttributeValue member = item.get("member");
    String history = Attr.string(item, "history");
    List<SegmentMembership.Change> changes =
        history == null
            ? List.of()
            : Json.read(history, new TypeReference<List<StoredChange>>() {}).stream()
                .map(
                    c ->
                        new SegmentMembership.Change(
                            c.change().equals("entered"), Instant.parse(c.at())))
                .toList();
    return new SegmentMembership(
        Attr.string(item, "segmentId"),
        member != null && Boolean.TRUE.equals(member.bool()),
        time(item, "enteredAt"),
        time(item, "exitedAt"),
        time(item, "dueAt"),
        Attr.number(item, "version"),
        changes);
  }

  private static void putTime(Map<String, AttributeValue> item, String name, Instant at) {
    if (at != null) {
      item.put(name, Attr.s(at.toString()));
    }
  }

  private static Instant time(Map<String, AttributeValue> item, String name) {
    String text = Attr.string(item, name);
    return text == null ? null : Instant.parse(text);
  }
}
