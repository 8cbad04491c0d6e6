package dev.waymark.core.click;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the links of a rendered email's HTML into click links: every {@code <a href="…">} whose
 * target is {@code http(s)} on an allowed host ({@link RedirectHosts}) becomes {@code
 * <base>/v1/c/<token>} and is marked {@code ses:no-track}, so Amazon SES does not wrap it in its
 * own click tracking as well. Links to the API itself (unsubscribe, address confirmation), to other
 * hosts, {@code mailto:}, {@code tel:} and anchors stay as they are. The index of a link is its
 * position among the message's anchors, from 1.
 */
public final class LinkRewriter {
  private static final Pattern ANCHOR =
      Pattern.compile(
          "<a(\\s[^>]*?\\bhref\\s*=\\s*)([\"'])(.*?)\\2",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private LinkRewriter() {}

  /** Who the message goes to, from which run and step. */
  public record Message(String profileId, String journeyId, String runId, String stepId) {}

  public static String rewrite(String html, Message message, ClickLinks links) {
    if (html == null) {
      return null;
    }
    Matcher anchor = ANCHOR.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    int index = 0;
    while (anchor.find()) {
      index++;
      String target = unescape(anchor.group(3).strip());
      if (target.startsWith(links.baseUrl() + "/") || !links.hosts().allows(target)) {
        anchor.appendReplacement(out, Matcher.quoteReplacement(anchor.group()));
        continue;
      }
      String click =
          links.clickUrl(
              new ClickLinks.Link(
                  message.profileId(),
                  message.journeyId(),
                  message.runId(),
                  message.stepId(),
                  index,
                  target));
      anchor.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "<a ses:no-track" + anchor.group(1) + anchor.group(2) + click + anchor.group(2)));
    }
    anchor.appendTail(out);
    return out.toString();
  }

  /** The entities a URL in an attribute is written with. */
  private static String unescape(String attribute) {
    return attribute
        .replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
  }
}
