package dev.waymark.local.console;

/**
 * The console's Content Security Policy as the local runtime sends it. The deployed console gets
 * the same policy from CloudFront ({@code ConsoleSecurityHeaders} in template.yaml), but for {@code
 * connect-src}, which there also names the API's and Cognito's hosts; {@code ConsoleSecurityTest}
 * keeps the two in step.
 *
 * <p>Scripts only from the console's own origin (the bundle; no inline script, no eval, nothing
 * from a CDN); calls only to its own origin (the local API). Inline styles are allowed: the outbox
 * shows e-mails as the recipient sees them, and e-mail HTML styles itself inline.
 */
public final class ContentSecurityPolicy {
  public static final String LOCAL =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; frame-src 'self'; worker-src 'self'; "
          + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
          + "object-src 'none'";

  private ContentSecurityPolicy() {}
}
