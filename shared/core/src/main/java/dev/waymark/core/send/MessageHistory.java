package dev.waymark.core.send;

import dev.waymark.core.store.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The message log across people, newest first, one UTC day at a time: what the console's message
 * page and {@code GET /v1/messages} list. Entries carry no address (the person's page has it).
 */
public interface MessageHistory {
  /** Most entries a page may hold. */
  int MAX_PAGE = 100;

  /**
   * The day's entries, newest first, at most {@code limit}, after the {@code position} a previous
   * page handed out (null for the first page); the page's cursor is the next position, null on the
   * day's last page.
   */
  Page<Entry> day(LocalDate day, int limit, String position);

  /** One send decision and what became of it. */
  record Entry(
      String profileId,
      Instant at,
      String journeyId,
      String runId,
      String stepId,
      String template,
      String channel,
      String status,
      String reason,
      String deliveryStatus,
      Set<String> feedback) {}
}
