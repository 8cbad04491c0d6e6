package dev.waymark.states.api;

import dev.waymark.states.StatesApiException;
import java.util.Set;

/**
 * ARN checks the service makes before looking anything up (InvalidArn for a malformed or wrong-kind
 * ARN).
 */
final class Arns {
  static final Set<String> MACHINE = Set.of("stateMachine");
  static final Set<String> EXECUTION = Set.of("execution", "express");

  private Arns() {}

  /**
   * Returns {@code arn} if it is {@code
   * arn:<partition>:states:<region>:<account>:<type>:<name>...}.
   */
  static String check(String arn, Set<String> types) {
    String[] p = arn.split(":", -1);
    if (p.length < 7 || !p[0].equals("arn") || !p[2].equals("states") || p[6].isEmpty()) {
      throw new StatesApiException("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }
    if (!types.contains(p[5])) {
      throw new StatesApiException(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + p[5] + "'");
    }
    return arn;
  }

  /**
   * The qualifier of a state machine version or alias ARN ({@code
   * ...:stateMachine:name:qualifier}), or null.
   */
  static String qualifier(String machineArn) {
    String[] p = machineArn.split(":", -1);
    return p.length > 7 ? p[7] : null;
  }

  static boolean isVersion(String machineArn) {
    String q = qualifier(machineArn);
    return q != null && q.chars().allMatch(Character::isDigit);
  }

  static boolean isAlias(String machineArn) {
    return qualifier(machineArn) != null && !isVersion(machineArn);
  }
}
