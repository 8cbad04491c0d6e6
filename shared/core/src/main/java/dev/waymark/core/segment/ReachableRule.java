package dev.waymark.core.segment;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The person can be reached on a channel: a valid email address, a valid phone number (E.164), or
 * the app installed (a push token identity).
 */
public record ReachableRule(Channel channel) implements Rule {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

  public enum Channel {
    email,
    phone,
    push
  }

  @Override
  public boolean test(SegmentContext context) {
    return context.profile().identities().stream().anyMatch(this::reaches);
  }

  private boolean reaches(Identity identity) {
    return switch (channel) {
      case email ->
          identity.namespace() == IdentityNamespace.EMAIL
              && EMAIL.matcher(identity.value()).matches();
      case phone ->
          identity.namespace() == IdentityNamespace.PHONE
              && PHONE.matcher(identity.value()).matches();
      case push ->
          identity.namespace() == IdentityNamespace.PUSH_TOKEN && !identity.value().isBlank();
    };
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return Optional.empty();
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.identities();
  }
}
