package dev.waymark.core.journey.steps;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs a webhook step may call: {@code https} to a public address. {@code http} only to
 * {@code localhost}/{@code 127.0.0.1}, and loopback, private (site-local, unique-local), link-local
 * (the instance metadata address among them), wildcard and multicast addresses only when the
 * runtime is local ({@code allowLocal}): in a Lambda function they reach the function's own runtime
 * API or the VPC, which a journey author must not be able to call.
 */
public record WebhookTargets(boolean allowLocal, Resolver resolver) {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

  /** Resolves a host name (the JVM's resolver in production). */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public static WebhookTargets of(boolean allowLocal) {
    return new WebhookTargets(allowLocal, InetAddress::getAllByName);
  }

  /** The URL to call, or a {@link WebhookFailure} saying why it is refused. */
  public URI check(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new WebhookFailure("refused: not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || uri.getUserInfo() != null) {
      throw new WebhookFailure("refused: the URL needs a host and no user info");
    }
    if (scheme.equals("http") && !(allowLocal && LOCAL_HOSTS.contains(host))) {
      throw new WebhookFailure("refused: http is only for localhost on a local runtime; use https");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new WebhookFailure("refused: the URL must be https");
    }
    if (!allowLocal) {
      try {
        for (InetAddress address : resolver.resolve(host)) {
          if (internal(address)) {
            throw new WebhookFailure("refused: " + host + " is a private or local address");
          }
        }
      } catch (UnknownHostException e) {
        throw new WebhookFailure("refused: " + host + " does not resolve");
      }
    }
    return uri;
  }

  static boolean internal(InetAddress a) {
    byte[] b = a.getAddress();
    boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || uniqueLocalV6
        || sharedV4;
  }
}
