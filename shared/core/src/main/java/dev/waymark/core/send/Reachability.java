package dev.waymark.core.send;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.Profile;
import java.util.Optional;

/**
 * Where a person can be reached on a channel: their email, their phone in E.164 (checked with
 * libphonenumber; the {@code country} trait is the region for numbers without a country code),
 * their app's push token ("the app is installed").
 */
public final class Reachability {
  private Reachability() {}

  public sealed interface Address permits Reachable, Unreachable, InvalidNumber {}

  public record Reachable(String address) implements Address {}

  public record Unreachable(String reason) implements Address {}

  public record InvalidNumber(String raw) implements Address {}

  public static Address of(Profile profile, Channel channel) {
    return switch (channel) {
      case email ->
          first(profile, IdentityNamespace.EMAIL)
              .<Address>map(Reachable::new)
              .orElse(new Unreachable("no email address"));
      case push ->
          first(profile, IdentityNamespace.PUSH_TOKEN)
              .<Address>map(Reachable::new)
              .orElse(new Unreachable("the app is not installed (no push token)"));
      case sms ->
          first(profile, IdentityNamespace.PHONE)
              .<Address>map(
                  raw ->
                      PhoneNumbers.toE164(
                              raw, profile.traits().values().path("country").asText(null))
                          .<Address>map(Reachable::new)
                          .orElse(new InvalidNumber(raw)))
              .orElse(new Unreachable("no phone number"));
    };
  }

  private static Optional<String> first(Profile profile, IdentityNamespace namespace) {
    return profile.identities().stream()
        .filter(i -> i.namespace() == namespace)
        .map(Identity::value)
        .findFirst();
  }
}
