package dev.waymark.core.message;

/**
 * A message ready to deliver; fields a channel does not use are null. {@code unsubscribeUrl} is the
 * one-click unsubscribe link (RFC 8058) email carries in its List-Unsubscribe header.
 */
public record RenderedMessage(
    Channel channel, String subject, String html, String text, String unsubscribeUrl) {

  public RenderedMessage withUnsubscribeUrl(String url) {
    return new RenderedMessage(channel, subject, html, text, url);
  }

  public RenderedMessage withHtml(String rewritten) {
    return new RenderedMessage(channel, subject, rewritten, text, unsubscribeUrl);
  }
}
