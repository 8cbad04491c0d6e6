package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events Waymark itself emits into the inbox, so journeys can enter and wait on them like on
 * any other: {@code Segment Entered}, {@code Segment Exited}, {@code Date Trait Reached}, {@code
 * Audience Schedule Fired}, {@code Journey Entry Requested}, {@code Consent Changed}. Each names
 * the person by one of their identities (userId, then email, then anonymousId, then any), has a
 * deterministic messageId (so a repeat is de-duplicated by the inbox), and is marked {@code
 * context.waymark.internal} (it is not the person's activity).
 */
public final class InternalEvents {
  public static final String SEGMENT_ENTERED = ReservedEvents.SEGMENT_ENTERED;
  public static final String SEGMENT_EXITED = ReservedEvents.SEGMENT_EXITED;
  public static final String DATE_TRAIT_REACHED = ReservedEvents.DATE_TRAIT_REACHED;
  public static final String AUDIENCE_SCHEDULE_FIRED = ReservedEvents.AUDIENCE_SCHEDULE_FIRED;
  public static final String JOURNEY_ENTRY_REQUESTED = ReservedEvents.JOURNEY_ENTRY_REQUESTED;
  public static final String CONSENT_CHANGED = ReservedEvents.CONSENT_CHANGED;
  private static final List<IdentityNamespace> PREFERENCE =
      List.of(IdentityNamespace.USER_ID, IdentityNamespace.EMAIL, IdentityNamespace.ANONYMOUS_ID);

  private InternalEvents() {}

  public static InboundEvent segmentChange(
      Profile profile, SegmentDefinition segment, boolean entered, Instant at) {
    String messageId =
        "seg:"
            + segment.id()
            + ":"
            + profile.id()
            + ":"
            + (entered ? "entered" : "exited")
            + ":"
            + at.getEpochSecond();
    ObjectNode properties =
        Json.object().put("segmentId", segment.id()).put("segmentName", segment.name());
    return track(profile, entered ? SEGMENT_ENTERED : SEGMENT_EXITED, messageId, properties, at);
  }

  /**
   * A date trigger reached for the person: the trait, the date it is for (a yearly trigger's
   * anniversary; also under the trait's own name, e.g. {@code leaseEnd}), the offset ({@code
   * -P90D}), whether it is yearly and the days from today to the date. One per person, trait, date,
   * offset and kind: messageId {@code date:<profileId>:<trait>:<date>:<offset>} ({@code :yearly}
   * added for a yearly one).
   */
  public static InboundEvent dateTraitReached(
      Profile profile, DateTrigger trigger, LocalDate date, LocalDate today, Instant at) {
    ObjectNode properties =
        Json.object()
            .put("trait", trigger.trait())
            .put("date", date.toString())
            .put("offset", trigger.offset())
            .put("yearly", trigger.yearly())
            .put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, date));
    if (!properties.has(trigger.trait())) {
      properties.put(
          trigger.trait(), date.toString()); // templates may say event.properties.leaseEnd
    }
    String messageId =
        "date:"
            + profile.id()
            + ":"
            + trigger.trait()
            + ":"
            + date
            + ":"
            + trigger.offset()
            + (trigger.yearly() ? ":yearly" : "");
    return track(profile, DATE_TRAIT_REACHED, messageId, properties, at);
  }

  public static InboundEvent audienceScheduleFired(
      Profile profile, String journeyId, String scheduleId, String entryKey, Instant at) {
    ObjectNode properties =
        Json.object()
            .put("journeyId", journeyId)
            .put("scheduleId", scheduleId)
            .put("entryKey", entryKey);
    return track(
        profile,
        AUDIENCE_SCHEDULE_FIRED,
        "aud:" + journeyId + ":" + profile.id() + ":" + entryKey,
        properties,
        at);
  }

  /**
   * A request through the API ({@code POST /v1/journeys/{id}/entries}) that the person enter a
   * journey whose entry is {@code api: true}; properties journeyId and requestId. The same request
   * id is one event however often it is sent.
   */
  public static InboundEvent journeyEntryRequested(
      Profile profile, String journeyId, String requestId, Instant at) {
    ObjectNode properties = Json.object().put("journeyId", journeyId).put("requestId", requestId);
    return track(
        profile,
        JOURNEY_ENTRY_REQUESTED,
        "api:" + journeyId + ":" + profile.id() + ":" + requestId,
        properties,
        at);
  }

  /**
   * Consent decisions recorded through the API or a one-click unsubscribe, so the segments that
   * read consents are re-evaluated at once: properties {@code changes} (channel, topic, status;
   * never the source, which may name a person). The messageId comes from the person and the
   * decisions (what and when), so a retried request is one event.
   */
  public static InboundEvent consentChanged(
      Profile profile, List<ConsentRequest.Change> changes, Instant at) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    StringBuilder decisions = new StringBuilder();
    for (ConsentRequest.Change change : changes) {
      ObjectNode item = list.addObject().put("channel", change.channel().key());
      if (change.topic() != null) {
        item.put("topic", change.topic());
      }
      item.put("status", change.decision().status().name());
      decisions.append(item).append(change.decision().updatedAt().toEpochMilli()).append('|');
    }
    ObjectNode properties = Json.object();
    properties.set("changes", list);
    return track(
        profile,
        CONSENT_CHANGED,
        "consent:"
            + profile.id()
            + ":"
            + UUID.nameUUIDFromBytes(decisions.toString().getBytes(StandardCharsets.UTF_8)),
        properties,
        at);
  }

  /** True for events Waymark emitted itself. */
  public static boolean isInternal(InboundEvent event) {
    return event
        .body()
        .path("context")
        .path(ReservedEvents.CONTEXT_KEY)
        .path("internal")
        .asBoolean(false);
  }

  /** The segment a Segment Entered/Exited event is about. */
  public static Optional<String> segmentOf(InboundEvent event) {
    String name = event.eventName();
    if (!isInternal(event) || !(SEGMENT_ENTERED.equals(name) || SEGMENT_EXITED.equals(name))) {
      return Optional.empty();
    }
    return Optional.of(event.properties().path("segmentId").asText());
  }

  /**
   * A trait change Waymark makes (a journey's update step): an identify event with the new values,
   * its properties saying where it came from.
   */
  public static InboundEvent traitChange(
      Profile profile, String messageId, ObjectNode traits, ObjectNode properties, Instant at) {
    ObjectNode body = internal(profile, "identify", messageId, properties, at);
    body.set("traits", traits);
    return new InboundEvent(body, at);
  }

  private static InboundEvent track(
      Profile profile, String name, String messageId, ObjectNode properties, Instant at) {
    ObjectNode body = internal(profile, "track", messageId, properties, at);
    body.put("event", name);
    return new InboundEvent(body, at);
  }

  private static ObjectNode internal(
      Profile profile, String type, String messageId, ObjectNode properties, Instant at) {
    ObjectNode body = Json.object();
    body.put("type", type).put("messageId", messageId);
    Identity identity = identityOf(profile);
    switch (identity.namespace()) {
      case USER_ID -> body.put("userId", identity.value());
      case ANONYMOUS_ID -> body.put("anonymousId", identity.value());
      default -> body.putObject("identities").put(identity.namespace().key(), identity.value());
    }
    body.set("properties", properties);
    body.putObject("context").putObject(ReservedEvents.CONTEXT_KEY).put("internal", true);
    body.put("timestamp", at.toString());
    return body;
  }

  static Identity identityOf(Profile profile) {
    for (IdentityNamespace ns : PREFERENCE) {
      Optional<Identity> found =
          profile.identities().stream().filter(i -> i.namespace() == ns).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    return profile.identities().stream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("profile " + profile.id() + " has no identity"));
  }
}
