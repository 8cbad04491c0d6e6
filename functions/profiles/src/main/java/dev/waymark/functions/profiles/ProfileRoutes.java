package dev.waymark.functions.profiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.core.account.Account;
import dev.waymark.core.account.AccountStore;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.profile.EventCursors;
import dev.waymark.core.profile.ExecutionStopper;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.profile.ProfileView;
import dev.waymark.core.segment.ConsentRecorder;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One method per profile route; each parses its request, calls the core, shapes the answer. */
final class ProfileRoutes {
  private final ConsentRecorder consents;
  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  private final ProfileService profiles;
  private final ProfileRecords records;
  private final EventCursors cursors;
  private final AccountStore accounts;
  private final Clock clock;
  private final ExecutionStopper runs;

  ProfileRoutes(
      ProfileService profiles,
      ProfileRecords records,
      EventCursors cursors,
      AccountStore accounts,
      Clock clock,
      ExecutionStopper runs,
      ConsentRecorder consents) {
    this.runs = runs;
    this.consents = consents;
    this.accounts = accounts;
    this.profiles = profiles;
    this.records = records;
    this.cursors = cursors;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse lookup(APIGatewayV2HTTPEvent event) {
    Identity identity = identityFromQuery(event);
    Profile profile =
        profiles
            .lookup(identity)
            .orElseThrow(
                () ->
                    ProblemException.notFound("no profile has this " + identity.namespace().key()));
    return ProfilesHandler.ok(view(profile, null));
  }

  APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    Profile profile = live(id);
    return ProfilesHandler.ok(view(profile, profile.id().equals(id) ? null : id));
  }

  APIGatewayV2HTTPResponse events(APIGatewayV2HTTPEvent event) {
    Profile profile = live(HttpRequests.pathParameter(event, "id"));
    int limit = limit(event);
    String position = cursors.open(profile.id(), HttpRequests.query(event, "cursor").orElse(null));
    Page<ObjectNode> page = records.timeline(profile.id(), limit, position);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profileId", profile.id());
    body.put("events", page.items());
    body.put("nextCursor", cursors.issue(profile.id(), page.nextCursor()));
    return ProfilesHandler.ok(body);
  }

  APIGatewayV2HTTPResponse consents(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    List<ConsentRequest.Change> changes =
        ConsentRequest.parse(HttpRequests.jsonBodyNode(event), clock.instant());
    Profile updated = consents.record(id, changes);
    return ProfilesHandler.ok(view(updated, updated.id().equals(id) ? null : id));
  }

  APIGatewayV2HTTPResponse erase(APIGatewayV2HTTPEvent event) {
    Profile profile = live(HttpRequests.pathParameter(event, "id"));
    return ProfilesHandler.ok(records.erase(profile, runs));
  }

  private ObjectNode view(Profile profile, String redirectedFrom) {
    return ProfileView.of(
        profile,
        redirectedFrom,
        accounts.accountsOf(profile.id()).stream().map(Account::apiView).toList());
  }

  private Profile live(String id) {
    return profiles.resolve(id).orElseThrow(() -> ProblemException.notFound("no profile " + id));
  }

  private static Identity identityFromQuery(APIGatewayV2HTTPEvent event) {
    List<IdentityNamespace> given =
        Arrays.stream(IdentityNamespace.values())
            .filter(ns -> HttpRequests.query(event, ns.key()).isPresent())
            .toList();
    if (given.size() != 1) {
      throw ProblemException.invalidField(
          "query",
          "give exactly one of "
              + Arrays.stream(IdentityNamespace.values()).map(IdentityNamespace::key).toList());
    }
    String value = HttpRequests.query(event, given.get(0).key()).orElseThrow();
    return Identifiers.identity(given.get(0).key(), given.get(0), value);
  }

  static int limit(APIGatewayV2HTTPEvent event) {
    String raw = HttpRequests.query(event, "limit").orElse(Integer.toString(DEFAULT_PAGE));
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_PAGE);
  }
}
