package dev.waymark.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.Consents;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileStatus;
import dev.waymark.core.profile.Traits;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a {@link Profile} to its table item and back. Traits and consents are stored as JSON text.
 */
final class ProfileItems {
  private ProfileItems() {}

  static Map<String, AttributeValue> toItem(Profile p) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(p.id()), Keys.PROFILE_SK));
    item.put("profileId", Attr.s(p.id()));
    item.put("status", Attr.s(p.status().name()));
    if (p.status() == ProfileStatus.live) {
      item.put(Keys.LPSHARD, Attr.s(Keys.liveShard(p.id())));
      item.put(Keys.LPID, Attr.s(p.id()));
    }
    if (p.mergedInto() != null) {
      item.put("mergedInto", Attr.s(p.mergedInto()));
    }
    item.put("createdAt", Attr.s(p.createdAt().toString()));
    item.put("updatedAt", Attr.s(p.updatedAt().toString()));
    item.put("version", Attr.n(p.version()));
    item.put("traits", Attr.s(Json.write(p.traits().values())));
    item.put("traitTimes", Attr.s(write(p.traits().setAt())));
    item.put("consents", Attr.s(write(p.consents().decisions())));
    item.put("identities", Attr.list(p.identities().stream().map(Identity::key).toList()));
    item.put("mergedFrom", Attr.list(p.mergedFrom()));
    item.put("pendingMoves", Attr.list(p.pendingMoves()));
    return item;
  }

  static Profile fromItem(Map<String, AttributeValue> item) {
    String mergedInto = Attr.string(item, "mergedInto");
    Traits traits =
        new Traits(
            Json.parseObject(Attr.string(item, "traits")),
            read(Attr.string(item, "traitTimes"), new TypeReference<Map<String, Instant>>() {}));
    Consents consents =
        new Consents(
            read(
                Attr.string(item, "consents"),
                new TypeReference<Map<String, ConsentDecision>>() {}));
    return new Profile(
        Attr.string(item, "profileId"),
        ProfileStatus.valueOf(Attr.string(item, "status")),
        mergedInto,
        Instant.parse(Attr.string(item, "createdAt")),
        Instant.parse(Attr.string(item, "updatedAt")),
        Attr.number(item, "version"),
        traits,
        consents,
        new TreeSet<>(Attr.strings(item, "identities").stream().map(Identity::fromKey).toList()),
        Attr.strings(item, "mergedFrom"),
        new TreeSet<>(Attr.strings(item, "pendingMoves")));
  }

  private static String write(Object value) {
    return Json.write(value);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    return Json.read(json == null ? "{}" : json, type);
  }
}
