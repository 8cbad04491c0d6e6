package dev.waymark.core.click;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The identity a click handed the site, as it comes back: an event whose {@code
 * context.waymarkToken} is a valid identity token (checked as of the event's receipt) gets a known
 * identity of the person the mail went to, so identity stitching merges the browser's anonymous
 * profile into theirs, exactly as an identify call would. The token is then dropped from the event.
 *
 * <p>An invalid or expired token, one naming nobody, or one sent with an event that already names a
 * known identity or whose browser is already someone else's known profile is ignored: the event is
 * processed as sent (a forwarded mail clicked by a signed-in colleague merges nobody).
 */
public record ClickIdentities(ClickLinks links, ProfileService profiles)
    implements UnaryOperator<InboundEvent> {
  /** Where the site puts the {@code wm_id} value it received. */
  public static final String CONTEXT_FIELD = "waymarkToken";

  @Override
  public InboundEvent apply(InboundEvent event) {
    JsonNode token = event.body().path("context").get(CONTEXT_FIELD);
    if (token == null) {
      return event;
    }
    ObjectNode body = event.body().deepCopy();
    ((ObjectNode) body.get("context")).remove(CONTEXT_FIELD);
    InboundEvent without = new InboundEvent(body, event.receivedAt());
    Optional<Profile> person =
        token.isTextual()
            ? links
                .identity(token.asText(), event.receivedAt())
                .filter(id -> Identifiers.problem(id, Identifiers.MAX_ID_CHARS).isEmpty())
                .flatMap(profiles::resolve)
            : Optional.empty();
    Optional<Identity> known =
        person.flatMap(p -> p.identities().stream().filter(i -> i.namespace().known()).findFirst());
    if (known.isEmpty() || !anonymousOrTheirs(without.identities(), person.get())) {
      return without;
    }
    body.with("identities").put(known.get().namespace().key(), known.get().value());
    return new InboundEvent(body, event.receivedAt());
  }

  /** The event names only devices and visits, whose profiles are anonymous or already theirs. */
  private boolean anonymousOrTheirs(Set<Identity> identities, Profile person) {
    for (Identity identity : identities) {
      if (identity.namespace().known()) {
        return false;
      }
      Optional<Profile> owner = profiles.lookup(identity);
      if (owner.isPresent() && owner.get().known() && !owner.get().id().equals(person.id())) {
        return false;
      }
    }
    return true;
  }
}
