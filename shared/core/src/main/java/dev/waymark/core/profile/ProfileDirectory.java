package dev.waymark.core.profile;

import dev.waymark.core.store.Page;

/**
 * Live profiles a page at a time, in no particular order. Only for bounded, on-demand work (a
 * segment preview samples it); nothing that runs per event or per schedule may use it.
 */
public interface ProfileDirectory {
  Page<Profile> page(int limit, String cursor);
}
