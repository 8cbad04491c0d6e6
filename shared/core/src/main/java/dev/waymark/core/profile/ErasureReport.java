package dev.waymark.core.profile;

import java.time.Instant;
import java.util.Map;

/** What an erasure deleted; kept as the audit record, so it holds no personal data. */
public record ErasureReport(String erasureId, Instant erasedAt, Map<String, Integer> counts) {}
