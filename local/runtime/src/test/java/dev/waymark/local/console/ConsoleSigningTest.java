package dev.waymark.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.testing.Processes;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The console's SigV4 module (console/src/auth/sigv4.ts, run in Node as the browser bundle runs it)
 * signs the admin API's requests exactly as the AWS SDK for Java's SigV4 signer does for the same
 * request, credentials, region and instant: the same Authorization header (credential scope, signed
 * headers, signature) — what API Gateway's AWS_IAM authorizer recomputes.
 */
class ConsoleSigningTest {
  private static final String REGION = "eu-west-1";
  private static final String API = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
  private static final Instant NOW = Instant.parse("2026-12-01T01:02:03Z");
  private static final AwsSessionCredentialsIdentity CREDENTIALS =
      AwsSessionCredentialsIdentity.create(
          "ASIAEXAMPLEEXAMPLE00",
          "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
          "IQoJb3JpZ2luX2VjE//x+y=");

  private record Case(String method, String url, Map<String, String> headers, String body) {}

  private static final List<Case> CASES =
      List.of(
          new Case("GET", API + "/v1/journeys", Map.of(), null),
          new Case("GET", API + "/v1/profiles/user%40example.com/events?limit=50", Map.of(), null),
          new Case(
              "GET",
              API + "/v1/profiles/search?q=sarah%20o%27neil&identity=email&b=%C3%A9t%C3%A9&a=1",
              Map.of(),
              null),
          new Case(
              "PUT",
              API + "/v1/journeys/lease-renewal",
              Map.of("Content-Type", "application/json"),
              "{\"name\":\"Lease renewal — été\",\"steps\":[]}"),
          new Case(
              "POST",
              API + "/v1/journeys/lease-renewal/publish",
              Map.of("Content-Type", "application/json"),
              "{}"),
          new Case("DELETE", API + "/v1/profiles/p-123", Map.of(), null));

  @Test
  void theConsoleSignsAsTheAwsSdkSigns() throws Exception {
    JsonNode signed = signInNode();
    assertThat(signed.size()).isEqualTo(CASES.size());
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      JsonNode answer = signed.get(i);
      Map<String, String> sent = new LinkedHashMap<>();
      answer
          .path("headers")
          .fields()
          .forEachRemaining(e -> sent.put(e.getKey(), e.getValue().asText()));

      assertThat(sent).as(c.url()).doesNotContainKey("host"); // the browser sets it from the URL
      assertThat(sent.get("x-amz-security-token")).isEqualTo(CREDENTIALS.sessionToken());
      assertThat(sent.get("x-amz-date")).isEqualTo("20261201T010203Z");
      assertThat(sent.get("authorization"))
          .as(c.url())
          .startsWith(
              "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE00/20261201/eu-west-1/execute-api/aws4_request, SignedHeaders=")
          .contains("host;", "x-amz-security-token, Signature=")
          .isEqualTo(sdkAuthorization(c, URI.create(answer.path("url").asText()), sent));
    }
  }

  @Test
  void aChangedRequestNoLongerMatchesItsSignature() throws Exception {
    JsonNode signed = signInNode();
    Case put = CASES.get(3);
    Map<String, String> sent = new LinkedHashMap<>();
    signed
        .get(3)
        .path("headers")
        .fields()
        .forEachRemaining(e -> sent.put(e.getKey(), e.getValue().asText()));
    Case tampered =
        new Case(put.method(), put.url(), put.headers(), put.body().replace("été", "ete"));
    assertThat(sdkAuthorization(tampered, URI.create(put.url()), withoutPayloadHash(sent)))
        .isNotEqualTo(sent.get("authorization"));
  }

  private static Map<String, String> withoutPayloadHash(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove("x-amz-content-sha256");
    return copy;
  }

  /** The AWS SDK for Java's signature for the request the console sends. */
  private static String sdkAuthorization(Case c, URI url, Map<String, String> sent) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(c.method())).uri(url);
    sent.forEach(
        (name, value) -> {
          if (!name.equals("authorization")
              && !name.equals("x-amz-date")
              && !name.equals("x-amz-security-token")) {
            request.putHeader(name, value);
          }
        });
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(CREDENTIALS)
                      .request(request.build())
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                      .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
                  if (c.body() != null) {
                    r.payload(ContentStreamProvider.fromUtf8String(c.body()));
                  }
                });
    return signed.request().firstMatchingHeader("Authorization").orElseThrow();
  }

  /** Runs console/src/auth/test/sign-requests.mjs on the cases. */
  private static JsonNode signInNode() throws IOException, InterruptedException {
    ObjectNode input = Json.object();
    input
        .putObject("credentials")
        .put("accessKeyId", CREDENTIALS.accessKeyId())
        .put("secretAccessKey", CREDENTIALS.secretAccessKey())
        .put("sessionToken", CREDENTIALS.sessionToken());
    input.put("region", REGION).put("date", NOW.toString());
    ArrayNode requests = input.putArray("requests");
    for (Case c : CASES) {
      ObjectNode r = requests.addObject().put("method", c.method()).put("url", c.url());
      ObjectNode headers = r.putObject("headers");
      c.headers().forEach(headers::put);
      if (c.body() != null) {
        r.put("body", c.body());
      }
    }
    Processes.Run run = ConsoleNode.node(Json.write(input), "src/auth/test/sign-requests.mjs");
    assertThat(run.exit()).as(run.err()).isZero();
    return Json.parse(run.out());
  }
}
