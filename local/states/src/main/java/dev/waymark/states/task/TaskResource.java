package dev.waymark.states.task;

/**
 * A parsed Task resource ARN.
 *
 * @param kind LAMBDA_ARN (legacy function ARN), SERVICE ({@code arn:aws:states:::...}) or ACTIVITY
 * @param service e.g. "lambda", "aws-sdk:dynamodb" (SERVICE); function name/ARN (LAMBDA_ARN)
 * @param action e.g. "invoke", "getItem" (SERVICE)
 * @param pattern integration pattern from the suffix
 */
public record TaskResource(
    String arn, Kind kind, String service, String action, IntegrationPattern pattern) {
  public enum Kind {
    LAMBDA_ARN,
    SERVICE,
    ACTIVITY,
    UNKNOWN
  }

  public static TaskResource parse(String arn) {
    String[] p = arn.split(":", 6);
    if (p.length >= 6 && p[2].equals("lambda")) {
      return new TaskResource(arn, Kind.LAMBDA_ARN, arn, null, IntegrationPattern.REQUEST_RESPONSE);
    }
    if (p.length >= 6 && p[2].equals("states") && p[5].startsWith("activity:")) {
      return new TaskResource(
          arn, Kind.ACTIVITY, "activity", p[5], IntegrationPattern.REQUEST_RESPONSE);
    }
    if (p.length >= 6 && p[2].equals("states")) {
      String rest = p[5];
      String suffix = "";
      int dot = rest.lastIndexOf('.');
      if (dot > 0 && rest.indexOf(':', dot) < 0 || rest.endsWith(".sync:2")) {
        int d = rest.endsWith(".sync:2") ? rest.length() - 7 : dot;
        suffix = rest.substring(d + 1);
        rest = rest.substring(0, d);
      }
      int colon = rest.lastIndexOf(':');
      String service = colon > 0 ? rest.substring(0, colon) : rest;
      String action = colon > 0 ? rest.substring(colon + 1) : "";
      return new TaskResource(
          arn, Kind.SERVICE, service, action, IntegrationPattern.ofSuffix(suffix));
    }
    return new TaskResource(arn, Kind.UNKNOWN, null, null, IntegrationPattern.REQUEST_RESPONSE);
  }

  /**
   * The 'resource' field of Task* history events: the action with its suffix, e.g. {@code invoke}.
   */
  public String eventResource() {
    int start = arn.indexOf(":::") + 3 + service.length() + 1;
    return arn.substring(Math.min(start, arn.length()));
  }

  /**
   * The 'resourceType' field of Task* history events, e.g. {@code lambda}, {@code
   * aws-sdk:dynamodb}.
   */
  public String eventResourceType() {
    return service;
  }
}
