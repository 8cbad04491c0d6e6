package dev.waymark.aws.secret;

import dev.waymark.core.secret.SigningKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The signing keys from a Secrets Manager secret (template.yaml's {@code SigningSecret}, generated
 * at deploy): the version staged {@code AWSCURRENT} signs, the version staged {@code AWSPREVIOUS}
 * (the one before the last rotation) is still accepted. The client is built once by the caller;
 * {@link dev.waymark.core.secret.KeyRing} decides when to read.
 */
public record SecretsManagerSigningKeys(SecretsManagerClient secrets, String secretId)
    implements Supplier<SigningKeys> {
  @Override
  public SigningKeys get() {
    byte[] current = stage("AWSCURRENT");
    List<byte[]> previous = new ArrayList<>();
    try {
      previous.add(stage("AWSPREVIOUS"));
    } catch (ResourceNotFoundException neverRotated) {
      // only one version so far
    }
    return SigningKeys.of(current, previous);
  }

  private byte[] stage(String stage) {
    return SigningKeys.fromText(
        secrets.getSecretValue(r -> r.secretId(secretId).versionStage(stage)).secretString());
  }
}
