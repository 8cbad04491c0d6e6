package dev.waymark.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What the chaos run counted, and its printout. */
public final class ChaosFigures {
  private long eventsSent;
  private long clientRetries;
  private long replayed;
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private long duplicateAnswers;
  private final Map<String, Long> faults = new TreeMap<>();
  private final Map<String, Long> retries = new TreeMap<>();
  private long faultsTotal;
  private long deadLetters;
  long lost;
  long duplicatedEvents;
  long failedOnTimeline;
  long sends;
  long expectedSends;
  long duplicateSends;
  long sendsWithoutConsent;
  long identityViolations;
  long traitViolations;
  private double seconds;

  void batchSent(int events) {
    eventsSent += events;
  }

  void answered(String messageId, String status) {
    if (status.equals("duplicate")) {
      duplicateAnswers++;
    }
    accepted.add(messageId);
  }

  void clientRetry() {
    clientRetries++;
  }

  void replayed() {
    replayed++;
  }

  void faults(JsonNode state, long setAside) {
    state
        .path("injected")
        .fields()
        .forEachRemaining(
            target ->
                target
                    .getValue()
                    .fields()
                    .forEachRemaining(
                        kind -> {
                          if (!kind.getKey().equals("calls")) {
                            faults.put(
                                target.getKey() + " " + kind.getKey(), kind.getValue().asLong());
                          }
                        }));
    faultsTotal = state.path("total").asLong();
    state
        .path("retries")
        .fields()
        .forEachRemaining(r -> retries.put(r.getKey(), r.getValue().asLong()));
    deadLetters = setAside;
  }

  void seconds(double value) {
    seconds = value;
  }

  /** Messages the API answered accepted or duplicate for. */
  public Set<String> accepted() {
    return accepted;
  }

  public long lost() {
    return lost;
  }

  public long duplicatedEvents() {
    return duplicatedEvents;
  }

  public long duplicateSends() {
    return duplicateSends;
  }

  public long sendsWithoutConsent() {
    return sendsWithoutConsent;
  }

  public long identityViolations() {
    return identityViolations;
  }

  public long traitViolations() {
    return traitViolations;
  }

  public long failedOnTimeline() {
    return failedOnTimeline;
  }

  public long faultsInjected() {
    return faultsTotal;
  }

  public long sends() {
    return sends;
  }

  public long expectedSends() {
    return expectedSends;
  }

  /** Every invariant held. */
  public boolean held() {
    return lost == 0
        && duplicatedEvents == 0
        && failedOnTimeline == 0
        && duplicateSends == 0
        && sendsWithoutConsent == 0
        && identityViolations == 0
        && traitViolations == 0;
  }

  public String printout() {
    StringBuilder out = new StringBuilder();
    line(out, "events sent (with the duplicates)", eventsSent);
    line(out, "distinct events accepted", accepted.size());
    line(out, "answered duplicate", duplicateAnswers);
    line(out, "faults injected", faultsTotal);
    faults.forEach((kind, n) -> line(out, "  " + kind, n));
    line(out, "retries: HTTP client (5xx answers)", clientRetries);
    retries.forEach(
        (kind, n) ->
            line(
                out,
                "retries: " + (kind.equals("stream") ? "stream redeliveries" : "SDK DynamoDB"),
                n));
    line(out, "dead letters", deadLetters);
    line(out, "dead letters replayed", replayed);
    line(out, "lost events", lost);
    line(out, "events recorded twice", duplicatedEvents);
    line(out, "events failed on a timeline", failedOnTimeline);
    line(out, "sends (expected: consenting bookers)", sends + " (" + expectedSends + ")");
    line(out, "duplicate sends", duplicateSends);
    line(out, "sends without consent", sendsWithoutConsent);
    line(out, "identity-stitching violations", identityViolations);
    line(out, "newest-trait violations", traitViolations);
    line(out, "seconds", String.format("%.1f", seconds));
    out.append(held() ? "every invariant held\n" : "INVARIANTS BROKEN\n");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, Object value) {
    out.append(String.format("%-40s %s%n", label, value));
  }
}
