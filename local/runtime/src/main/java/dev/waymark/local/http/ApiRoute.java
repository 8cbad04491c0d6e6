package dev.waymark.local.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the HTTP API in template.yaml: method, path template, the function's handler, the
 * handler of its Lambda authorizer (null for IAM-authorised routes), and the request headers that
 * authorizer names as identity sources (API Gateway answers 401 itself when one is missing).
 */
public record ApiRoute(
    String method,
    String path,
    String handler,
    String authorizerHandler,
    java.util.List<String> identityHeaders) {

  String routeKey() {
    return method + " " + path;
  }

  /**
   * The path parameters (percent-decoded; bad encoding is a 400 problem naming the parameter) when
   * {@code rawPath} matches this route's path template.
   */
  Optional<Map<String, String>> match(String requestMethod, String rawPath) {
    if (!method.equalsIgnoreCase(requestMethod) || !matchesPath(rawPath)) {
      return Optional.empty();
    }
    String[] template = path.split("/", -1);
    String[] actual = rawPath.split("/", -1);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{") && template[i].endsWith("}")) {
        String name = template[i].substring(1, template[i].length() - 1);
        parameters.put(name, PercentDecoding.decode(actual[i], false, name));
      }
    }
    return Optional.of(parameters);
  }

  /** Whether {@code rawPath} has this route's shape, whatever the method. */
  boolean matchesPath(String rawPath) {
    String[] template = path.split("/", -1);
    String[] actual = rawPath.split("/", -1);
    if (template.length != actual.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
      if (parameter ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }
}
