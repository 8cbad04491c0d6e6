package dev.waymark.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/clicks.md's analytics-node snippet against the real SDK: after Sarah clicks the link in her
 * account email, the landing page's server sends the browser's page view with {@code
 * context.waymarkToken} set to the {@code wm_id} it was handed, and the browser's anonymous profile
 * becomes hers.
 */
class ClickIdentityOverSdkTest {
  static final Pattern CLICK = Pattern.compile("ses:no-track href=\"([^\"]+/v1/c/[^\"]+)\"");

  @Test
  void theSdksPageViewWithTheTokenMergesTheBrowser() throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(
            LocalRuntime.Options.defaults()
                .withPort(0)
                .startingAt(Instant.parse("2026-11-24T09:00:00Z")))) {
      LocalApi api = new LocalApi(runtime);
      events(
          api,
          "{\"type\":\"page\",\"messageId\":\"b1\",\"anonymousId\":\"browser-9\",\"name\":\"E-V Model\"},"
              + "{\"type\":\"identify\",\"messageId\":\"s1\",\"userId\":\"sarah\",\"traits\":{\"email\":\"sarah@example.com\"}}");
      runtime.awaitProcessed();
      String sarah = api.get("/v1/profiles?userId=sarah").body().path("profileId").asText();
      api.put(
          "/v1/profiles/" + sarah + "/consents",
          "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"test\"}]}");
      events(
          api,
          "{\"type\":\"track\",\"messageId\":\"s2\",\"userId\":\"sarah\",\"event\":\"Account Created\"}");
      runtime.awaitProcessed();
      Matcher link = CLICK.matcher(runtime.outbox().messages().get(0).html());
      assertThat(link.find()).isTrue();
      String location = api.open(link.group(1)).location();
      String wmId =
          URLDecoder.decode(
              location.replaceAll(".*[?&]wm_id=([^&#]+).*", "$1"), StandardCharsets.UTF_8);

      SdkScripts.Run run =
          SdkScripts.run(
              "segment-node-click",
              Map.of(
                  "WAYMARK_URL",
                  runtime.baseUri().toString(),
                  "WAYMARK_WRITE_KEY",
                  runtime.writeKey(),
                  "WAYMARK_ANONYMOUS_ID",
                  "browser-9",
                  "WAYMARK_WM_ID",
                  wmId));
      runtime.awaitProcessed();

      assertThat(run.sent()).hasSize(1);
      assertThat(api.get("/v1/profiles?anonymousId=browser-9").body().path("profileId").asText())
          .isEqualTo(sarah);
    }
  }

  private static void events(LocalApi api, String calls) {
    assertThat(api.sendEvents("{\"batch\":[" + calls + "]}").status()).isEqualTo(202);
  }
}
