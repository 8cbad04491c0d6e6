package dev.waymark.core.journey.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateException;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook step: renders the Liquid body with the template variables ({@link TemplateData}), signs
 * it with the journey's secret ({@code Waymark-Signature: t=<epochSeconds>,v1=<hex HMAC-SHA256 of t
 * + "." + body>}), and calls the URL ({@link WebhookTargets} says which may be called) with {@code
 * Waymark-Journey}, {@code Waymark-Run}, {@code Waymark-Step} and {@code Idempotency-Key:
 * <runId>:<stepId>} (the same on every retry, so the receiver can de-duplicate). A 5xx, a 429, a
 * timeout or a failed connection is retried {@code retries} times, waiting 1 s, 2 s, 4 s... (at
 * most 8 s); any other non-2xx answer is final. No 2xx in the end: {@link WebhookFailure}. The
 * answer: the status and the body parsed as JSON (null when it is not JSON, or longer than {@value
 * #MAX_KEPT_BODY} characters: it travels in the run's state). Bodies are never logged.
 */
public record Webhooks(
    WebhookClient client,
    JourneySecrets secrets,
    WebhookTargets targets,
    Sleeper sleeper,
    ProfileService profiles,
    Clock clock) {
  static final int MAX_KEPT_BODY = 32 * 1024;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  private static final Set<String> RESERVED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "idempotency-key");
  private static final TemplateRenderer RENDERER = new TemplateRenderer(name -> Optional.empty());

  /** Waits between attempts ({@code Thread::sleep} in production; tests record the waits). */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** What the step asks for; {@code data} is what later sends also get (version, webhooks). */
  public record Call(
      String method,
      String url,
      Map<String, String> headers,
      Optional<String> body,
      Duration timeout,
      int retries,
      ObjectNode data) {}

  public record Result(int status, JsonNode body) {}

  public Result call(StepContext step, Call call) {
    URI url = targets.check(call.url());
    Profile profile =
        profiles
            .resolve(step.profileId())
            .orElseThrow(() -> new IllegalStateException("the run's profile no longer exists"));
    String body = call.body().map(source -> render(step, source, profile, call.data())).orElse("");
    String secret =
        secrets
            .webhookSecret(step.journeyId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "journey " + step.journeyId() + " has no webhook secret (not published)"));
    String method = call.method().toUpperCase(Locale.ROOT);
    String where = method + " " + url.getHost();
    int attempts = call.retries() + 1;
    String lastProblem = "no attempt";
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) {
        backOff(attempt);
      }
      WebhookClient.Request request =
          new WebhookClient.Request(
              method, url, headers(step, call, body, secret), body, call.timeout());
      try {
        WebhookClient.Response response = client.call(request);
        if (response.status() / 100 == 2) {
          return new Result(response.status(), parsed(response.body()));
        }
        lastProblem = "answered " + response.status();
        if (!retriable(response.status())) {
          break;
        }
      } catch (IOException e) {
        lastProblem = "failed (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted calling a webhook", e);
      }
    }
    throw new WebhookFailure(
        where + " " + lastProblem + " (step " + step.stepId() + ", " + attempts + " attempts)");
  }

  @SuppressWarnings("unchecked")
  private String render(StepContext step, String source, Profile profile, ObjectNode data) {
    MessageTemplate template =
        new MessageTemplate(
            step.journeyId(), "webhook " + step.stepId(), Map.of("body", source), Optional.empty());
    try {
      return RENDERER.renderPart(
          template,
          "body",
          (Map<String, Object>)
              jsonEscaped(TemplateData.of(profile, step.entry(), data, step.journeyId())));
    } catch (TemplateException e) {
      throw new WebhookFailure("the body does not render: " + e.getMessage());
    }
  }

  /**
   * The variables with every text escaped for a JSON string (the body is sent as {@code
   * application/json}): {@code "{{ profile.firstName }}"} stays valid JSON whatever the name holds
   * (quotes, backslashes, new lines).
   */
  @SuppressWarnings("unchecked")
  static Object jsonEscaped(Object value) {
    if (value instanceof String text) {
      String quoted = Json.write(Json.MAPPER.getNodeFactory().textNode(text));
      return quoted.substring(1, quoted.length() - 1);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> escaped = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> escaped.put(String.valueOf(k), jsonEscaped(v)));
      return escaped;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(Webhooks::jsonEscaped).toList();
    }
    return value;
  }

  private Map<String, String> headers(StepContext step, Call call, String body, String secret) {
    Map<String, String> headers = new LinkedHashMap<>();
    call.headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (RESERVED.contains(lower) || lower.startsWith("waymark-")) {
                throw new WebhookFailure("refused: the header " + name + " is set by Waymark");
              }
              headers.put(name, value);
            });
    if (!body.isEmpty() && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
      headers.put("Content-Type", "application/json");
    }
    long t = clock.instant().getEpochSecond();
    headers.put("Waymark-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body));
    headers.put("Waymark-Journey", step.journeyId());
    headers.put("Waymark-Run", step.runId());
    headers.put("Waymark-Step", step.stepId());
    headers.put("Idempotency-Key", step.runId() + ":" + step.stepId());
    return headers;
  }

  /** Hex HMAC-SHA256 of {@code signed} with the secret's UTF-8 bytes as the key. */
  public static String sign(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private void backOff(int attempt) {
    long seconds = FIRST_BACKOFF.getSeconds() << Math.min(attempt - 1, 10);
    Duration wait = Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.getSeconds()));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted between webhook attempts", e);
    }
  }

  private static boolean retriable(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  private static JsonNode parsed(String body) {
    if (body == null || body.isBlank() || body.length() > MAX_KEPT_BODY) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
