package dev.waymark.core.store;

import java.util.List;

/** One page of results and the opaque cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {}
