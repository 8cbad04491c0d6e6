package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry against the local Step Functions endpoint, with the real SfnClient. */
class SfnStateMachineRegistryIT {
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String SUCCEED = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}";
  final PublishingFixture f;
  final SfnStateMachineRegistry registry;

  SfnStateMachineRegistryIT() throws Exception {
    f = new PublishingFixture();
    registry = new SfnStateMachineRegistry(f.sfn);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createsOnceThenUpdatesWhetherTheArnIsKnownOrFoundByName() {
    String created = registry.createOrUpdate("waymark-a", null, PASS, PublishingFixture.ROLE);
    assertThat(registry.createOrUpdate("waymark-a", null, SUCCEED, PublishingFixture.ROLE))
        .isEqualTo(created);
    assertThat(definition(created)).isEqualTo(SUCCEED);
    assertThat(registry.createOrUpdate("waymark-a", created, PASS, PublishingFixture.ROLE))
        .isEqualTo(created);
    assertThat(definition(created)).isEqualTo(PASS);

    f.sfn.deleteStateMachine(r -> r.stateMachineArn(created));
    String again = registry.createOrUpdate("waymark-a", created, SUCCEED, PublishingFixture.ROLE);
    assertThat(definition(again)).isEqualTo(SUCCEED);
  }

  @Test
  void theAliasIsCreatedThenMovedToEachNewVersion() {
    String machine = registry.createOrUpdate("waymark-b", null, PASS, PublishingFixture.ROLE);
    String v1 = registry.publishVersion(machine, "one");
    String alias = registry.pointAlias(machine, "live", v1);
    registry.createOrUpdate("waymark-b", machine, SUCCEED, PublishingFixture.ROLE);
    String v2 = registry.publishVersion(machine, "two");

    assertThat(registry.pointAlias(machine, "live", v2))
        .isEqualTo(alias)
        .isEqualTo(machine + ":live");
    assertThat(v2).isNotEqualTo(v1);
    assertThat(
            f.sfn
                .describeStateMachineAlias(r -> r.stateMachineAliasArn(alias))
                .routingConfiguration()
                .get(0)
                .stateMachineVersionArn())
        .isEqualTo(v2);
  }

  private String definition(String arn) {
    return f.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition();
  }
}
