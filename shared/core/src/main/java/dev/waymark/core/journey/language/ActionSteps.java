package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.Span;
import dev.waymark.core.message.TemplateRenderer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the steps that act outside the message path: {@code update} and {@code webhook}. */
final class ActionSteps {
  static final Pattern TRAIT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

  /** Headers Waymark sets on every webhook call; a step may not set them. */
  static final Set<String> RESERVED_HEADERS =
      Set.of(
          "waymark-signature",
          "waymark-journey",
          "waymark-run",
          "waymark-step",
          "idempotency-key",
          "host",
          "content-length");

  static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_RETRIES = 2;

  private ActionSteps() {}

  /** {@code set} literal values and {@code increment} numbers, on profile traits. */
  static Step update(StepReader reader, int index, Cursor step, String id) {
    int before = step.errors().size();
    Map<String, JsonNode> set = new LinkedHashMap<>();
    for (Cursor trait : step.field("set").entries()) {
      if (traitName(trait)) {
        if (trait.node().isValueNode() && !trait.node().isNull()) {
          set.put(trait.name(), trait.node());
        } else {
          trait.fail("must be a literal value: text, a number or true/false");
        }
      }
    }
    Map<String, Double> increment = new LinkedHashMap<>();
    for (Cursor trait : step.field("increment").entries()) {
      if (traitName(trait)) {
        if (trait.node().isNumber()) {
          increment.put(trait.name(), trait.node().asDouble());
        } else {
          trait.fail("must be a number to add");
        }
        if (set.containsKey(trait.name())) {
          trait.fail("is also in set");
        }
      }
    }
    if (!step.field("set").present() && !step.field("increment").present()) {
      step.problem("an update has set, increment or both");
    } else if (set.isEmpty() && increment.isEmpty() && step.errors().size() == before) {
      step.problem("an update changes at least one trait");
    }
    Optional<String> next = reader.ref(index, id, step.field("next"));
    return new Step.Update(id, set, increment, next);
  }

  private static boolean traitName(Cursor trait) {
    if (!TRAIT_NAME.matcher(trait.name()).matches()) {
      trait.fail("is not a trait name: letters, digits and _, not starting with a digit");
      return false;
    }
    return true;
  }

  /** A signed HTTPS call with a Liquid body; see docs/journey-language.md. */
  static Step webhook(StepReader reader, int index, Cursor step, String id) {
    String method =
        step.field("method").text().orElse(step.field("method").present() ? null : "POST");
    if (method != null && !METHODS.contains(method)) {
      step.field("method").fail("must be GET, POST, PUT, PATCH or DELETE");
      method = null;
    }
    Optional<String> url = step.field("url").requiredText().filter(u -> url(step.field("url"), u));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Cursor header : step.field("headers").entries()) {
      if (!HEADER_NAME.matcher(header.name()).matches()) {
        header.fail("is not a header name");
      } else if (RESERVED_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
        header.fail("is set by Waymark");
      } else {
        header.text().ifPresent(v -> headers.put(header.name(), v));
      }
    }
    Optional<String> body = step.field("body").text();
    if (body.isPresent() && !TemplateRenderer.isValidLiquid(body.get())) {
      step.field("body").fail("is not valid Liquid");
    }
    if (body.isPresent() && "GET".equals(method)) {
      step.field("body").fail("is not sent with GET");
    }
    Cursor timeoutAt = step.field("timeout");
    Optional<Span> timeout = timeoutAt.positiveSpan(1);
    if (timeout
        .filter(t -> t.duration() == null || t.duration().compareTo(MAX_TIMEOUT) > 0)
        .isPresent()) {
      timeoutAt.fail("must be at most PT30S");
      timeout = Optional.empty();
    }
    if (timeoutAt.present() && timeout.isEmpty()) {
      return null;
    }
    int retries = step.field("retries").integer(0, 5).orElse(DEFAULT_RETRIES);
    Optional<String> next = reader.ref(index, id, step.field("next"));
    Optional<String> onError = reader.ref(index, id, step.field("onError"));
    return method == null || url.isEmpty()
        ? null
        : new Step.Webhook(
            id,
            method,
            url.get(),
            headers,
            body,
            timeout.orElseGet(() -> Span.parse(DEFAULT_TIMEOUT.toString()).orElseThrow()),
            retries,
            next,
            onError);
  }

  /** https to any host; http only to localhost or 127.0.0.1; no credentials in the URL. */
  private static boolean url(Cursor at, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      at.fail("is not a URL");
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
      at.fail("must be an https URL with a host");
      return false;
    }
    if (scheme.equals("http") && !LOCAL_HOSTS.contains(host)) {
      at.fail("must be https (http only to localhost or 127.0.0.1)");
      return false;
    }
    if (uri.getUserInfo() != null) {
      at.fail("must not hold credentials: put them in a header");
      return false;
    }
    return true;
  }
}
