package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.ddblocal.CloudFormationYaml;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.local.console.ContentSecurityPolicy;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's Content Security Policy over HTTP (local runtime) and in template.yaml
 * (CloudFront): scripts from the console's origin only, no inline script or eval, nothing from
 * another host; and the local runtime serves no config.json, so the console calls its own origin
 * unsigned.
 */
class ConsoleSecurityTest extends LocalRuntimeFixture {
  /** directive → sources, in order. */
  static Map<String, List<String>> directives(String policy) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    for (String directive : policy.strip().split("\\s*;\\s*")) {
      String[] words = directive.strip().split("\\s+");
      parsed.put(words[0], List.of(Arrays.copyOfRange(words, 1, words.length)));
    }
    return parsed;
  }

  private static void assertStrict(Map<String, List<String>> policy) {
    assertThat(policy.get("default-src")).containsExactly("'none'");
    assertThat(policy.get("script-src")).containsExactly("'self'");
    assertThat(policy.get("object-src")).containsExactly("'none'");
    assertThat(policy.get("base-uri")).containsExactly("'none'");
    assertThat(policy.get("frame-ancestors")).containsExactly("'none'");
    policy.forEach(
        (directive, sources) ->
            assertThat(sources)
                .as(directive)
                .doesNotContain("'unsafe-eval'", "*", "http:", "https:", "blob:"));
    assertThat(policy.keySet()).doesNotContain("script-src-elem", "script-src-attr");
  }

  @Test
  void everyConsoleFileIsServedWithTheStrictPolicy() throws Exception {
    for (String path :
        List.of("/console/", "/console/index.html", "/console/app.js", "/console/app.css")) {
      HttpResponse<String> answer = getRaw(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(ContentSecurityPolicy.LOCAL);
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    Map<String, List<String>> policy = directives(ContentSecurityPolicy.LOCAL);
    assertStrict(policy);
    assertThat(policy.get("connect-src")).containsExactly("'self'");
  }

  @Test
  void thePageLoadsOnlyItsOwnFilesAndRunsNoInlineScript() throws Exception {
    String index = getRaw("/console/").body();
    Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(index);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).as("every script has a src").contains("src=");
    }
    assertThat(count).isPositive();
    Matcher links = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"").matcher(index);
    while (links.find()) {
      assertThat(links.group(1))
          .as("same-origin file")
          .doesNotContain("//")
          .doesNotStartWith("data:");
    }
    assertThat(index).doesNotContainPattern("\\bon[a-z]+=");
  }

  @Test
  void locallyThereIsNoConfigSoTheConsoleCallsItsOwnOriginUnsigned() throws Exception {
    assertThat(getRaw("/console/config.json").statusCode()).isEqualTo(404);
  }

  @Test
  void cloudFrontSendsTheSamePolicyButForWhereTheConsoleMayConnect() {
    Map<String, Object> resource =
        CloudFormationYaml.resources(TemplateTable.findTemplate()).get("ConsoleSecurityHeaders");
    String deployed =
        (String)
            at(
                resource,
                "Properties",
                "ResponseHeadersPolicyConfig",
                "SecurityHeadersConfig",
                "ContentSecurityPolicy",
                "ContentSecurityPolicy");
    Map<String, List<String>> cloud = directives(deployed);
    Map<String, List<String>> local = directives(ContentSecurityPolicy.LOCAL);
    assertStrict(cloud);
    assertThat(cloud.get("connect-src"))
        .containsExactly(
            "'self'",
            "https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}",
            "https://cognito-identity.${AWS::Region}.${AWS::URLSuffix}",
            "https://${ConsoleUserPoolDomain}.auth.${AWS::Region}.amazoncognito.com");
    cloud.remove("connect-src");
    local.remove("connect-src");
    assertThat(cloud).isEqualTo(local);
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> map, String... path) {
    Object here = map;
    for (String key : path) {
      here = ((Map<String, Object>) here).get(key);
    }
    return here;
  }
}
