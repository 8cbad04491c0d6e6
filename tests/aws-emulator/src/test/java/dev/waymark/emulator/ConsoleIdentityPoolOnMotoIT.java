package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's identity-pool exchange (console/src/auth/credentials.ts, bundled for the browser,
 * run in Node) against moto's Cognito: a user signed in to a user pool (moto issues the id token)
 * gets temporary credentials from an identity pool that trusts the pool, and the console signs a
 * call to the API with them. moto checks neither the token nor the pool's trust, so this proves the
 * console's side: which pool it asks, under which provider name it hands over which token, and that
 * the credentials it gets back are the ones it signs with.
 */
class ConsoleIdentityPoolOnMotoIT {
  @Test
  void aSignedInUsersIdTokenBuysTheCredentialsTheConsoleSignsWith() throws Exception {
    MotoServer moto = MotoServer.shared();
    JsonNode cognito = ConsoleScripts.fixture("cognito");
    JsonNode config = cognito.path("config");
    String idToken = cognito.path("idToken").asText();
    String provider = "cognito-idp.us-east-1.amazonaws.com/" + config.path("userPoolId").asText();

    ConsoleScripts.Run run =
        ConsoleScripts.node(
            Json.write(
                Json.object()
                    .<ObjectNode>set("config", config)
                    .put("idToken", idToken)
                    .put("endpoint", moto.endpoint().toString())),
            "src/auth/test/identity-pool.mjs");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode got = Json.parse(run.out());
    assertThat(got.path("accessKeyId").asText()).isNotBlank();
    assertThat(got.path("secretAccessKey").asText()).isNotBlank();
    assertThat(got.path("sessionToken").asText()).isNotBlank();
    assertThat(got.path("expiration").asText()).isNotBlank();
    assertThat(got.path("authorization").asText())
        .startsWith("AWS4-HMAC-SHA256 Credential=" + got.path("accessKeyId").asText() + "/")
        .contains("/us-east-1/execute-api/aws4_request")
        .contains("x-amz-security-token");

    List<JsonNode> asked =
        moto.recorded("POST", "/").stream()
            .map(MotoServer.Recorded::body)
            .filter(body -> body.startsWith("{") && body.contains(idToken))
            .map(Json::parse)
            .toList();
    // GetId names the pool; GetCredentialsForIdentity the identity GetId gave; both carry the token
    assertThat(asked).hasSize(2);
    assertThat(asked.get(0).path("IdentityPoolId").asText())
        .isEqualTo(config.path("identityPoolId").asText());
    assertThat(asked.get(1).path("IdentityId").asText()).startsWith("us-east-1:");
    for (JsonNode request : asked) {
      assertThat(request.path("Logins").path(provider).asText()).isEqualTo(idToken);
    }
  }
}
