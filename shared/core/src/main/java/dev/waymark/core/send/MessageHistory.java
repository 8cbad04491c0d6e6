package dev.waymark.core.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The message log read back: across people, newest first, one UTC day at a time ({@code GET
 * /v1/messages}, the console's message page), and one person's ({@code GET
 * /v1/profiles/{id}/messages}). Entries carry no address.
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

  /**
   * A person's newest {@code limit} entries, newest first ({@code GET /v1/profiles/{id}/messages}).
   */
  List<Entry> person(String profileId, int limit);

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
      Instant deliveryStatusAt,
      Set<String> feedback) {

    /** As the API shows it: absent fields left out, times as ISO-8601, feedback always a list. */
    public ObjectNode view() {
      ObjectNode node = Json.object().put("profileId", profileId).put("at", at.toString());
      putIfPresent(node, "journeyId", journeyId);
      putIfPresent(node, "runId", runId);
      putIfPresent(node, "stepId", stepId);
      putIfPresent(node, "template", template);
      putIfPresent(node, "channel", channel);
      putIfPresent(node, "status", status);
      putIfPresent(node, "reason", reason);
      putIfPresent(node, "deliveryStatus", deliveryStatus);
      putIfPresent(
          node, "deliveryStatusAt", deliveryStatusAt == null ? null : deliveryStatusAt.toString());
      feedback.forEach(node.putArray("feedback")::add);
      return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
      if (value != null) {
        node.put(field, value);
      }
    }
  }
}
