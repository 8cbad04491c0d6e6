package dev.waymark.aws.journey;

import dev.waymark.core.journey.publish.StateMachineRegistry;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.TracingConfiguration;

/**
 * {@link StateMachineRegistry} on Step Functions (Standard workflows): CreateStateMachine or
 * UpdateStateMachine, PublishStateMachineVersion, and CreateStateMachineAlias or
 * UpdateStateMachineAlias (DescribeStateMachineAlias to tell which; ListStateMachines only when the
 * ARN is not known yet). The journeys function's role may do this only on {@code
 * stateMachine:waymark-*}, and pass only the journeys' execution role.
 *
 * <p>Every state machine it creates or updates logs at level ERROR without execution data (inputs
 * and outputs carry profile ids and traits: personal data stays out of the logs) to {@code
 * logGroupArn} when one is given ({@code WAYMARK_JOURNEY_LOG_GROUP_ARN}), and has X-Ray tracing on.
 */
public record SfnStateMachineRegistry(SfnClient sfn, Optional<String> logGroupArn)
    implements StateMachineRegistry {
  /** No log group (tests and tools): tracing only. */
  public SfnStateMachineRegistry(SfnClient sfn) {
    this(sfn, Optional.empty());
  }

  private LoggingConfiguration logging() {
    return logGroupArn
        .map(
            arn ->
                LoggingConfiguration.builder()
                    .level(LogLevel.ERROR)
                    .includeExecutionData(false)
                    .destinations(
                        d ->
                            d.cloudWatchLogsLogGroup(
                                g -> g.logGroupArn(arn.endsWith(":*") ? arn : arn + ":*")))
                    .build())
        .orElse(null);
  }

  private static TracingConfiguration tracing() {
    return TracingConfiguration.builder().enabled(true).build();
  }

  @Override
  public String createOrUpdate(String name, String knownArn, String definition, String roleArn) {
    if (knownArn != null) {
      try {
        sfn.updateStateMachine(
            r ->
                r.stateMachineArn(knownArn)
                    .definition(definition)
                    .roleArn(roleArn)
                    .loggingConfiguration(logging())
                    .tracingConfiguration(tracing()));
        return knownArn;
      } catch (StateMachineDoesNotExistException deleted) {
        // made again below
      }
    }
    String existing = find(name);
    if (existing == null) {
      try {
        return sfn.createStateMachine(
                r ->
                    r.name(name)
                        .definition(definition)
                        .roleArn(roleArn)
                        .type(StateMachineType.STANDARD)
                        .loggingConfiguration(logging())
                        .tracingConfiguration(tracing()))
            .stateMachineArn();
      } catch (StateMachineAlreadyExistsException createdMeanwhile) {
        existing = find(name);
      }
    }
    String arn = existing;
    sfn.updateStateMachine(
        r ->
            r.stateMachineArn(arn)
                .definition(definition)
                .roleArn(roleArn)
                .loggingConfiguration(logging())
                .tracingConfiguration(tracing()));
    return arn;
  }

  /**
   * The ARN of the state machine with this name, or null: only when the journey record does not
   * know it (first publish, or a record restored without it).
   */
  private String find(String name) {
    return sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines().stream()
        .filter(m -> m.name().equals(name))
        .map(StateMachineListItem::stateMachineArn)
        .findFirst()
        .orElse(null);
  }

  @Override
  public String publishVersion(String stateMachineArn, String description) {
    return sfn.publishStateMachineVersion(
            r -> r.stateMachineArn(stateMachineArn).description(description))
        .stateMachineVersionArn();
  }

  @Override
  public String pointAlias(String stateMachineArn, String alias, String versionArn) {
    String aliasArn = stateMachineArn + ":" + alias;
    try {
      sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(aliasArn));
    } catch (ResourceNotFoundException absent) {
      return sfn.createStateMachineAlias(
              r ->
                  r.name(alias)
                      .routingConfiguration(c -> c.stateMachineVersionArn(versionArn).weight(100)))
          .stateMachineAliasArn();
    }
    sfn.updateStateMachineAlias(
        r ->
            r.stateMachineAliasArn(aliasArn)
                .routingConfiguration(c -> c.stateMachineVersionArn(versionArn).weight(100)));
    return aliasArn;
  }
}
