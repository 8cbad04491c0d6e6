package dev.waymark.core.journey.publish;

/**
 * The workflow engine's state machines, versions and aliases (Step Functions, or the local executor
 * behind its API): what publishing a journey version does there.
 */
public interface StateMachineRegistry {
  /**
   * Creates the state machine, or updates its definition and role; returns its ARN.
   *
   * @param knownArn its ARN from an earlier publish, or null (it is then looked up by name)
   */
  String createOrUpdate(String name, String knownArn, String definition, String roleArn);

  /** Publishes the current definition as a new, immutable version; returns the version's ARN. */
  String publishVersion(String stateMachineArn, String description);

  /** Creates or moves the alias to the version; returns the alias's ARN. */
  String pointAlias(String stateMachineArn, String alias, String versionArn);
}
