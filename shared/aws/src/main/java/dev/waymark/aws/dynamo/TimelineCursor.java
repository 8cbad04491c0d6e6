package dev.waymark.aws.dynamo;

import dev.waymark.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The page position of a profile's events: the profile id and the sort key of the last event shown.
 * The API never hands it out bare: {@code EventCursors} wraps it in a signed, expiring token bound
 * to the profile; the segment evaluator pages with it directly. It is checked before DynamoDB sees
 * it: it must decode, belong to the profile asked for, point into its events, and name an event
 * that is stored there. A cursor altered or made up by hand is refused with a 400 naming {@code
 * cursor}; one that passes is a page boundary the API could have issued itself, so no other
 * partition or key can ever be reached through it.
 */
final class TimelineCursor {
  private static final String VERSION = "e1";

  private TimelineCursor() {}

  static String encode(String profileId, String sk) {
    String text = VERSION + "\n" + profileId + "\n" + sk;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The exclusive start key the cursor stands for; 400 naming {@code cursor} otherwise. */
  static Map<String, AttributeValue> decode(
      DynamoDbClient dynamo, String table, String profileId, String cursor) {
    String[] parts = parts(cursor);
    if (parts.length != 3
        || !parts[0].equals(VERSION)
        || !parts[1].equals(profileId)
        || !parts[2].startsWith(Keys.EVENT_PREFIX)
        || parts[2].length() > 1024) {
      throw refused();
    }
    Map<String, AttributeValue> key = Attr.key(Keys.profile(profileId), parts[2]);
    boolean stored =
        dynamo.getItem(r -> r.tableName(table).key(key).projectionExpression(Keys.PK)).hasItem();
    if (!stored) {
      throw refused();
    }
    return key;
  }

  private static String[] parts(String cursor) {
    if (cursor.isEmpty() || cursor.length() > 2048) {
      throw refused();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      return new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException notBase64) {
      throw refused();
    }
  }

  private static ProblemException refused() {
    return ProblemException.invalidField(
        "cursor", "not a cursor this API issued for this profile; use nextCursor as given");
  }
}
