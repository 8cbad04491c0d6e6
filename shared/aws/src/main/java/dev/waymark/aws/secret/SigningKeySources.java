package dev.waymark.aws.secret;

import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where a function's signing keys come from (docs/security.md#secrets): the Secrets Manager secret
 * {@code WAYMARK_SIGNING_SECRET_ARN} names (its client built once, read on first use, again after
 * an hour or when a token names an unknown key, at most once a minute); in a Lambda function
 * without that setting, nowhere (the first link signed or checked fails, naming the setting); in a
 * test or tool outside Lambda, a random key that lives as long as the process. The local runtime
 * passes its own key ring (a key kept in its data folder) instead.
 */
public final class SigningKeySources {
  public static final Duration MIN_RELOAD = Duration.ofMinutes(1);
  public static final Duration MAX_AGE = Duration.ofHours(1);

  private SigningKeySources() {}

  public static KeyRing keyRing(JourneyConfig journeys, String region) {
    if (journeys.signingSecretArn().isPresent()) {
      SecretsManagerClient client =
          SecretsManagerClient.builder()
              .region(Region.of(region))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      return secretsManager(client, journeys.signingSecretArn().get());
    }
    if (journeys.inLambda()) {
      return new KeyRing(
          () -> {
            throw new IllegalStateException(
                "WAYMARK_SIGNING_SECRET_ARN is not set: this function has no key to sign or"
                    + " check links or cursors with (template.yaml sets it to SigningSecret)");
          },
          Clock.systemUTC(),
          MIN_RELOAD,
          MAX_AGE);
    }
    return KeyRing.fixed(SigningKeys.random());
  }

  /** The keys of this secret, read through this client. */
  public static KeyRing secretsManager(SecretsManagerClient client, String secretId) {
    return new KeyRing(
        new SecretsManagerSigningKeys(client, secretId), Clock.systemUTC(), MIN_RELOAD, MAX_AGE);
  }
}
