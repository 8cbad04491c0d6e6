package dev.waymark.core.click;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public link routes (see docs/clicks.md). {@code GET /v1/c/{token}}: a valid click token
 * records {@code Message Clicked} on the person the mail went to and redirects to the target with
 * the short-lived identity parameter; a forged, altered or expired one records nothing and
 * redirects without it; a target off the allow-list is a 400, never a redirect. {@code GET
 * /v1/confirm?token=…}: records {@code Email Confirmed} (trait {@code emailConfirmed}) once.
 */
public record ClickService(
    ClickLinks links, ProfileService profiles, EventInbox inbox, Clock clock) {

  /** Where the browser goes, and whether the click was recorded. */
  public record Redirect(URI location, boolean recorded) {}

  public Redirect click(String token) {
    ClickLinks.Read read = links.read(token);
    String target =
        read.url()
            .orElseThrow(() -> ProblemException.invalidField("token", "not a Waymark click link"));
    if (!links.hosts().allows(target)) {
      throw ProblemException.invalidField(
          "token", "names a target whose host is not on the click allow-list");
    }
    Optional<Profile> person =
        read.link()
            .filter(l -> Identifiers.problem(l.profileId(), Identifiers.MAX_ID_CHARS).isEmpty())
            .flatMap(l -> profiles.resolve(l.profileId()));
    if (person.isEmpty()) {
      return new Redirect(URI.create(target), false);
    }
    ClickLinks.Link link = read.link().orElseThrow();
    Instant now = clock.instant();
    ObjectNode properties =
        Json.object()
            .put("journeyId", link.journeyId())
            .put("runId", link.runId())
            .put("stepId", link.stepId())
            .put("profileId", person.get().id())
            .put("channel", "email")
            .put("linkIndex", link.index())
            .put("link", link.url());
    inbox.accept(
        event(
            person.get(),
            ReservedEvents.MESSAGE_CLICKED,
            "click:"
                + link.runId()
                + ":"
                + link.stepId()
                + ":"
                + link.index()
                + ":"
                + now.toEpochMilli(),
            properties,
            now),
        "click");
    String identity = links.identityToken(person.get().id());
    return new Redirect(withParameter(target, identity), true);
  }

  /** Confirms the address a confirmation link names; a second click confirms nothing more. */
  public Map<String, Object> confirm(String token) {
    ClickLinks.Confirmation confirmation = links.confirmation(token);
    Profile person =
        profiles
            .resolve(confirmation.profileId())
            .orElseThrow(
                () -> ProblemException.invalidField("token", "names a person who is gone"));
    if (!person
        .identities()
        .contains(Identity.of(IdentityNamespace.EMAIL, confirmation.address()))) {
      throw ProblemException.invalidField(
          "token", "the address changed since this link was sent; use the newest link");
    }
    boolean already = person.traits().values().path("emailConfirmed").asBoolean(false);
    if (!already) {
      Instant now = clock.instant();
      InboundEvent confirmed =
          event(
              person,
              ReservedEvents.EMAIL_CONFIRMED,
              "confirm:" + person.id() + ":" + digest(confirmation.address()),
              Json.object().put("email", confirmation.address()),
              now);
      confirmed.body().putObject("traits").put("emailConfirmed", true);
      already = !inbox.accept(confirmed, "confirm");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("confirmed", true);
    answer.put("alreadyConfirmed", already);
    return answer;
  }

  /** An event Waymark emits about the person (marked internal), named by one of their ids. */
  private static InboundEvent event(
      Profile person, String name, String messageId, ObjectNode properties, Instant at) {
    ObjectNode body = Json.object().put("type", "track").put("event", name);
    body.put("messageId", messageId).put("timestamp", at.toString());
    Identity id =
        person.identities().stream()
            .filter(i -> i.namespace().known())
            .findFirst()
            .orElse(person.identities().first());
    body.putObject("identities").put(id.namespace().key(), id.value());
    body.set("properties", properties);
    body.putObject("context").putObject(ReservedEvents.CONTEXT_KEY).put("internal", true);
    return new InboundEvent(body, at);
  }

  /** 16 hex characters of a SHA-256: the address without naming it in a messageId. */
  private static String digest(String address) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static URI withParameter(String target, String identity) {
    try {
      URI uri = new URI(target);
      String pair =
          ClickLinks.IDENTITY_PARAMETER + "=" + URLEncoder.encode(identity, StandardCharsets.UTF_8);
      String query = uri.getRawQuery() == null ? pair : uri.getRawQuery() + "&" + pair;
      String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
      String head = target.split("[?#]", 2)[0];
      return URI.create(head + "?" + query + fragment);
    } catch (URISyntaxException e) {
      throw ProblemException.invalidField("token", "names a target that is not a URL");
    }
  }
}
