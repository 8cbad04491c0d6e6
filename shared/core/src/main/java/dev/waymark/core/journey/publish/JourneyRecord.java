package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.JourneyState;
import java.time.Instant;

/**
 * A journey as stored: its state, the draft document, the version that is live (0 before the first
 * publish), the webhook secret (made at first publish), its state machine and alias, and a revision
 * that every save moves by one (saves compare and set on it).
 */
public record JourneyRecord(
    String id,
    JourneyState state,
    ObjectNode draft,
    int liveVersion,
    String webhookSecret,
    String stateMachineArn,
    String aliasArn,
    Instant updatedAt,
    long revision) {

  public static JourneyRecord fresh(String id, ObjectNode draft, Instant at) {
    return new JourneyRecord(id, JourneyState.draft, draft, 0, null, null, null, at, 0);
  }

  public JourneyRecord withDraft(ObjectNode next, Instant at) {
    return new JourneyRecord(
        id, state, next, liveVersion, webhookSecret, stateMachineArn, aliasArn, at, revision);
  }

  public JourneyRecord withState(JourneyState next, Instant at) {
    return new JourneyRecord(
        id, next, draft, liveVersion, webhookSecret, stateMachineArn, aliasArn, at, revision);
  }

  /** Live on a newly published version. */
  public JourneyRecord published(
      int version, String secret, String machineArn, String alias, Instant at) {
    return new JourneyRecord(
        id, JourneyState.live, draft, version, secret, machineArn, alias, at, revision);
  }
}
