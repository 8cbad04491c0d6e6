package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.InternalEvents;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/journeys/{id}/entries}: asks for a person (by exactly one of {@code userId},
 * {@code anonymousId}, {@code email}) to enter a journey whose entry is {@code api}. The request
 * becomes a {@code Journey Entry Requested} event in the inbox; the router then applies the
 * journey's entry rules to it like to any other entry event. An optional {@code requestId} makes
 * repeats one request.
 */
public record ApiEntries(
    JourneyPublisher publisher, ProfileService profiles, EventInbox inbox, Clock clock) {
  private static final List<IdentityNamespace> NAMES =
      List.of(IdentityNamespace.USER_ID, IdentityNamespace.ANONYMOUS_ID, IdentityNamespace.EMAIL);

  /** What was asked for: the person, the request id, and whether it is new (not a repeat). */
  public record Requested(String journeyId, String profileId, String requestId, boolean accepted) {}

  public Requested request(String journeyId, JsonNode body) {
    JourneyRecord journey = publisher.get(journeyId);
    Identity identity = identity(body);
    String requestId = requestId(body);
    JourneyVersion live =
        publisher
            .live(journey)
            .orElseThrow(
                () -> JourneyPublisher.conflict("journey " + journeyId + " is not published"));
    if (!live.document().path("entry").path("api").asBoolean(false)) {
      throw JourneyPublisher.conflict(
          "journey " + journeyId + " is not entered over the API (its entry is not api: true)");
    }
    if (!journey.state().inCatalog()) {
      throw JourneyPublisher.conflict("journey " + journeyId + " is " + journey.state());
    }
    Profile profile =
        profiles
            .lookup(identity)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no profile with that " + identity.namespace().key()));
    boolean accepted =
        inbox.accept(
            InternalEvents.journeyEntryRequested(profile, journeyId, requestId, clock.instant()),
            "api");
    return new Requested(journeyId, profile.id(), requestId, accepted);
  }

  private static Identity identity(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("/", "a JSON object with userId, anonymousId or email");
    }
    List<IdentityNamespace> given = NAMES.stream().filter(n -> body.has(n.key())).toList();
    if (given.size() != 1) {
      throw new ProblemException(
          Problem.invalid(
              "exactly one of userId, anonymousId, email",
              List.of(new FieldError("/userId", "exactly one of userId, anonymousId, email"))));
    }
    IdentityNamespace namespace = given.get(0);
    JsonNode value = body.get(namespace.key());
    if (!value.isTextual()) {
      throw ProblemException.invalidField("/" + namespace.key(), "must be a string");
    }
    return Identifiers.identity("/" + namespace.key(), namespace, value.asText());
  }

  private static String requestId(JsonNode body) {
    JsonNode given = body.get("requestId");
    if (given == null) {
      return UUID.randomUUID().toString();
    }
    if (!given.isTextual() || !given.asText().matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw ProblemException.invalidField(
          "/requestId", "1 to 64 letters, digits, '_', '.', ':' or '-'");
    }
    return given.asText();
  }
}
