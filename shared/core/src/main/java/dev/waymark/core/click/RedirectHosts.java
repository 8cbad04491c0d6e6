package dev.waymark.core.click;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a click link may redirect to (template.yaml's {@code ClickRedirectHosts}, {@code
 * WAYMARK_CLICK_HOSTS}): exact host names, or {@code *.example.com} for any subdomain of {@code
 * example.com} (not {@code example.com} itself). Only {@code http} and {@code https} targets are
 * allowed. Links to other hosts are not rewritten when a message is rendered, and a click token
 * naming one is refused, so the click route is never an open redirect.
 */
public record RedirectHosts(List<String> patterns) {
  public RedirectHosts {
    patterns = patterns.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** Comma-separated patterns; blanks are skipped, so an empty text allows no host. */
  public static RedirectHosts parse(String commaSeparated) {
    return new RedirectHosts(
        Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList());
  }

  public boolean allows(URI target) {
    String scheme = target.getScheme();
    String host = target.getHost();
    if (scheme == null
        || host == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return patterns.stream()
        .anyMatch(p -> p.startsWith("*.") ? h.endsWith(p.substring(1)) : p.equals(h));
  }

  /** The target as a URI, if it parses and its host is allowed. */
  public boolean allows(String target) {
    try {
      return target != null && allows(new URI(target));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
