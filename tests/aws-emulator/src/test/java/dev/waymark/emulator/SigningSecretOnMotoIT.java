package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.journey.SfnStateMachineRegistry;
import dev.waymark.aws.secret.SecretsManagerSigningKeys;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;

/**
 * The deployed secrets path on moto: the signing key read from a Secrets Manager secret with a
 * generated value (as template.yaml's SigningSecret), rotated by putting a new value (the old one
 * becomes AWSPREVIOUS and is still accepted), and the journey state machines created with ERROR
 * logging without execution data and X-Ray tracing.
 */
class SigningSecretOnMotoIT {
  final MotoServer moto = MotoServer.shared();
  final SecretsManagerClient secrets = moto.client(SecretsManagerClient.builder());

  @Test
  void tokensSignedBeforeARotationStillVerifyAndNewOnesUseTheNewKey() {
    String generated =
        secrets
            .getRandomPassword(r -> r.passwordLength(64L).excludePunctuation(true))
            .randomPassword();
    String arn =
        secrets
            .createSecret(
                r -> r.name("waymark-signing-" + UUID.randomUUID()).secretString(generated))
            .arn();
    SecretsManagerSigningKeys source = new SecretsManagerSigningKeys(secrets, arn);
    SigningKeys before = source.get();
    assertThat(before.ids()).hasSize(1);
    Clock clock = Clock.systemUTC();
    SignedTokens deployedBefore = new SignedTokens(KeyRing.fixed(before), clock);
    String old = deployedBefore.sign("unsubscribe", "p-1|email|", Instant.now().plusSeconds(600));

    secrets.putSecretValue(
        r -> r.secretId(arn).secretString(UUID.randomUUID() + "-" + UUID.randomUUID()));
    SigningKeys after = source.get();

    assertThat(after.ids()).hasSize(2).endsWith(before.current().id());
    assertThat(after.current().id()).isNotEqualTo(before.current().id());
    SignedTokens deployedAfter =
        new SignedTokens(new KeyRing(source, clock, Duration.ZERO, Duration.ofHours(1)), clock);
    assertThat(deployedAfter.verify("unsubscribe", old).payload()).hasValue("p-1|email|");
    assertThat(deployedAfter.sign("unsubscribe", "x", Instant.now().plusSeconds(60)))
        .startsWith(after.current().id() + ".");
  }

  @Test
  void journeyStateMachinesLogErrorsWithoutExecutionDataAndAreTraced() {
    SfnClient sfn = moto.client(SfnClient.builder());
    String logGroup =
        "arn:aws:logs:us-east-1:"
            + MotoServer.ACCOUNT
            + ":log-group:/aws/vendedlogs/states/waymark";
    SfnStateMachineRegistry registry = new SfnStateMachineRegistry(sfn, Optional.of(logGroup));
    String arn =
        registry.createOrUpdate(
            "waymark-logged-" + UUID.randomUUID(),
            null,
            "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}",
            "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/waymark-journeys");

    DescribeStateMachineResponse described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
    assertThat(described.loggingConfiguration().includeExecutionData()).isFalse();
    assertThat(
            described
                .loggingConfiguration()
                .destinations()
                .get(0)
                .cloudWatchLogsLogGroup()
                .logGroupArn())
        .isEqualTo(logGroup + ":*");
    assertThat(described.tracingConfiguration().enabled()).isTrue();
  }
}
