package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.store.Page;

/** Reading a profile's records, and erasing everything about a person. */
public interface ProfileRecords {
  /** The profile's events, newest first. A cursor that is not one this store issued is refused. */
  Page<ObjectNode> timeline(String profileId, int limit, String cursor);

  /** Deletes the profile, the profiles merged into it, its identities, events and messages. */
  ErasureReport erase(Profile profile);
}
