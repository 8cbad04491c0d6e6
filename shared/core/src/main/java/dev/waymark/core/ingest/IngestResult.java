package dev.waymark.core.ingest;

/**
 * The answer for one event of a batch: {@code accepted}, or {@code duplicate} of one already
 * stored.
 */
public record IngestResult(String messageId, String status) {}
