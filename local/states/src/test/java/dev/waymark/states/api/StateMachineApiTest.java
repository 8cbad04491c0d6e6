package dev.waymark.states.api;

import static dev.waymark.states.api.SfnEndpoint.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machines, versions, aliases and definition validation through the AWS SDK v2 client. */
class StateMachineApiTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/test";

  @RegisterExtension static final SfnEndpoint EP = new SfnEndpoint();

  private final SfnClient sfn = EP.sfn;

  private String create(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  @Test
  void createDescribeListUpdateDelete() {
    CreateStateMachineResponse created =
        sfn.createStateMachine(
            r -> r.name("crud").definition(pass("a")).roleArn(ROLE).type(StateMachineType.EXPRESS));
    String arn = created.stateMachineArn();
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:crud");
    assertThat(created.creationDate()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(created.stateMachineVersionArn()).isNull();

    DescribeStateMachineResponse d = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    assertThat(d.name()).isEqualTo("crud");
    assertThat(d.type()).isEqualTo(StateMachineType.EXPRESS);
    assertThat(d.statusAsString()).isEqualTo("ACTIVE");
    assertThat(d.definition()).isEqualTo(pass("a"));
    assertThat(d.roleArn()).isEqualTo(ROLE);
    assertThat(d.creationDate()).isEqualTo(created.creationDate());

    assertThat(sfn.listStateMachines(r -> {}).stateMachines())
        .extracting(StateMachineListItem::name)
        .contains("crud");

    var updated = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(pass("b")));
    assertThat(updated.revisionId()).isNotBlank();
    assertThat(updated.stateMachineVersionArn()).isNull();
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition())
        .isEqualTo(pass("b"));

    sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
    assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class)
        .satisfies(
            e -> assertThat(((StateMachineDoesNotExistException) e).statusCode()).isEqualTo(400));
  }

  @Test
  void listStateMachinesPagesWithNextToken() {
    for (int i = 0; i < 5; i++) {
      create("paged-" + i, pass("x"));
    }
    var all =
        sfn.listStateMachinesPaginator(r -> r.maxResults(2)).stateMachines().stream()
            .map(StateMachineListItem::name)
            .filter(n -> n.startsWith("paged-"))
            .toList();
    assertThat(all).containsExactly("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
    assertThat(sfn.listStateMachines(r -> r.maxResults(2)).nextToken()).isNotNull();
  }

  @Test
  void createIsIdempotentForTheSameDefinitionOnly() {
    String arn = create("twice", pass("a"));
    assertThat(create("twice", pass("a"))).isEqualTo(arn);
    assertThatThrownBy(() -> create("twice", pass("other")))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
  }

  @Test
  void badDefinitionsNamesAndArnsMapToTypedExceptions() {
    assertThatThrownBy(() -> create("bad", "{\"StartAt\":\"Nope\",\"States\":{}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Invalid State Machine Definition");
    assertThatThrownBy(() -> create("has space", pass("a")))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () ->
                sfn.describeStateMachine(
                    r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:execution:m:e")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () ->
                sfn.describeStateMachine(
                    r ->
                        r.stateMachineArn(
                            "arn:aws:states:us-east-1:123456789012:stateMachine:ghost")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("nodef").roleArn(ROLE)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("definition");
  }

  @Test
  void versionsArePublishedListedAndDescribed() {
    var created =
        sfn.createStateMachine(
            r ->
                r.name("versioned")
                    .definition(pass("v1"))
                    .roleArn(ROLE)
                    .publish(true)
                    .versionDescription("first"));
    String arn = created.stateMachineArn();
    assertThat(created.stateMachineVersionArn()).isEqualTo(arn + ":1");

    var v2 =
        sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(pass("v2")).publish(true));
    assertThat(v2.stateMachineVersionArn()).isEqualTo(arn + ":2");
    sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(pass("v3")));
    String rev = sfn.describeStateMachine(r -> r.stateMachineArn(arn)).revisionId();
    assertThatThrownBy(
            () -> sfn.publishStateMachineVersion(r -> r.stateMachineArn(arn).revisionId("stale")))
        .isInstanceOf(ConflictException.class);
    var v3 =
        sfn.publishStateMachineVersion(
            r -> r.stateMachineArn(arn).revisionId(rev).description("third"));
    assertThat(v3.stateMachineVersionArn()).isEqualTo(arn + ":3");
    assertThat(v3.creationDate()).isNotNull();

    assertThat(sfn.listStateMachineVersions(r -> r.stateMachineArn(arn)).stateMachineVersions())
        .extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(arn + ":3", arn + ":2", arn + ":1");
    var d1 = sfn.describeStateMachine(r -> r.stateMachineArn(arn + ":1"));
    assertThat(d1.definition()).isEqualTo(pass("v1"));
    assertThat(d1.description()).isEqualTo("first");

    assertThatThrownBy(
            () -> sfn.updateStateMachine(r -> r.stateMachineArn(arn + ":1").definition(pass("no"))))
        .isInstanceOf(ValidationException.class);
    sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(arn + ":2"));
    assertThat(sfn.listStateMachineVersions(r -> r.stateMachineArn(arn)).stateMachineVersions())
        .hasSize(2);
  }

  @Test
  void anAliasPinsExecutionsToItsVersionAcrossUpdates() {
    String arn =
        sfn.createStateMachine(
                r -> r.name("aliased").definition(pass("one")).roleArn(ROLE).publish(true))
            .stateMachineArn();
    String aliasArn =
        sfn.createStateMachineAlias(
                r ->
                    r.name("live")
                        .description("prod traffic")
                        .routingConfiguration(route(arn + ":1", 100)))
            .stateMachineAliasArn();
    assertThat(aliasArn).isEqualTo(arn + ":live");

    sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(pass("two")).publish(true));
    String onAlias = sfn.startExecution(r -> r.stateMachineArn(aliasArn)).executionArn();
    String onLatest = sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
    EP.settle();

    var pinned = sfn.describeExecution(r -> r.executionArn(onAlias));
    assertThat(pinned.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(pinned.output()).isEqualTo("\"one\"");
    assertThat(pinned.stateMachineAliasArn()).isEqualTo(aliasArn);
    assertThat(pinned.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(sfn.describeExecution(r -> r.executionArn(onLatest)).output()).isEqualTo("\"two\"");

    DescribeStateMachineAliasResponse a =
        sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(aliasArn));
    assertThat(a.name()).isEqualTo("live");
    assertThat(a.description()).isEqualTo("prod traffic");
    assertThat(a.routingConfiguration()).isEqualTo(route(arn + ":1", 100));
    assertThat(a.creationDate()).isNotNull();

    sfn.updateStateMachineAlias(
        r -> r.stateMachineAliasArn(aliasArn).routingConfiguration(route(arn + ":2", 100)));
    String moved = sfn.startExecution(r -> r.stateMachineArn(aliasArn)).executionArn();
    EP.settle();
    assertThat(sfn.describeExecution(r -> r.executionArn(moved)).output()).isEqualTo("\"two\"");
    assertThat(sfn.describeExecution(r -> r.executionArn(onAlias)).stateMachineVersionArn())
        .isEqualTo(arn + ":1");
    assertThat(sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(aliasArn)).description())
        .isEqualTo("prod traffic");
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(aliasArn)).executions()).hasSize(2);
    assertThat(sfn.listStateMachineAliases(r -> r.stateMachineArn(arn)).stateMachineAliases())
        .hasSize(1);

    sfn.deleteStateMachineAlias(r -> r.stateMachineAliasArn(aliasArn));
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(aliasArn)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aliasRoutingIsValidated() {
    String arn =
        sfn.createStateMachine(
                r -> r.name("routed").definition(pass("x")).roleArn(ROLE).publish(true))
            .stateMachineArn();
    assertThatThrownBy(
            () ->
                sfn.createStateMachineAlias(
                    r -> r.name("half").routingConfiguration(route(arn + ":1", 50))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                sfn.createStateMachineAlias(
                    r -> r.name("ghost").routingConfiguration(route(arn + ":9", 100))))
        .isInstanceOf(ResourceNotFoundException.class);
    sfn.createStateMachineAlias(r -> r.name("dup").routingConfiguration(route(arn + ":1", 100)));
    sfn.createStateMachineAlias(r -> r.name("dup").routingConfiguration(route(arn + ":1", 100)));
    sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(pass("y")).publish(true));
    assertThatThrownBy(
            () ->
                sfn.createStateMachineAlias(
                    r -> r.name("dup").routingConfiguration(route(arn + ":2", 100))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(arn + ":1")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void validateStateMachineDefinition() {
    var ok = sfn.validateStateMachineDefinition(r -> r.definition(pass("x")));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();
    var bad =
        sfn.validateStateMachineDefinition(r -> r.definition("{\"StartAt\":\"X\",\"States\":{}}"));
    assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(bad.diagnostics()).isNotEmpty();
    assertThat(bad.diagnostics().get(0).severityAsString()).isEqualTo("ERROR");
    assertThat(bad.diagnostics().get(0).code()).isNotBlank();
    assertThat(bad.truncated()).isFalse();
  }

  @Test
  void tagsAreKeptListedAndRemoved() {
    String arn =
        sfn.createStateMachine(
                r ->
                    r.name("tagged")
                        .definition(pass("x"))
                        .roleArn(ROLE)
                        .tags(Tag.builder().key("team").value("growth").build()))
            .stateMachineArn();
    sfn.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("local").build()));
    assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .extracting(Tag::key)
        .containsExactly("env", "team");
    sfn.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
    assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .extracting(Tag::value)
        .containsExactly("local");
    assertThatThrownBy(() -> sfn.listTagsForResource(r -> r.resourceArn(arn + "-ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static List<RoutingConfigurationListItem> route(String version, int weight) {
    return List.of(
        RoutingConfigurationListItem.builder()
            .stateMachineVersionArn(version)
            .weight(weight)
            .build());
  }
}
