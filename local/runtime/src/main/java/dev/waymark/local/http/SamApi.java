package dev.waymark.local.http;

import dev.waymark.ddblocal.CloudFormationYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API routes template.yaml declares (functions' HttpApi events), with their authorizers.
 */
public final class SamApi {
  private SamApi() {}

  @SuppressWarnings("unchecked")
  public static List<ApiRoute> routes(Path template) {
    Map<String, Map<String, Object>> resources = CloudFormationYaml.resources(template);
    List<ApiRoute> routes = new ArrayList<>();
    resources.forEach(
        (logicalId, resource) -> {
          if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
            return;
          }
          Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
          Map<String, Map<String, Object>> events =
              (Map<String, Map<String, Object>>) properties.get("Events");
          if (events == null) {
            return;
          }
          for (Map<String, Object> event : events.values()) {
            if ("HttpApi".equals(event.get("Type"))) {
              Map<String, Object> p = (Map<String, Object>) event.get("Properties");
              routes.add(
                  new ApiRoute(
                      ((String) p.get("Method")).toUpperCase(),
                      (String) p.get("Path"),
                      handlerName(properties),
                      authorizerHandler(resources, p),
                      identityHeaders(resources, p)));
            }
          }
        });
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lambdaAuthorizer(
      Map<String, Map<String, Object>> resources, Map<String, Object> route) {
    Map<String, Object> auth = (Map<String, Object>) route.get("Auth");
    Object name = auth == null ? null : auth.get("Authorizer");
    if (name == null || "AWS_IAM".equals(name) || "NONE".equals(name)) {
      return null;
    }
    String apiId = String.valueOf(route.get("ApiId"));
    Map<String, Object> api = (Map<String, Object>) resources.get(apiId).get("Properties");
    Map<String, Object> authorizers =
        (Map<String, Object>) ((Map<String, Object>) api.get("Auth")).get("Authorizers");
    return (Map<String, Object>) authorizers.get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<String> identityHeaders(
      Map<String, Map<String, Object>> resources, Map<String, Object> route) {
    Map<String, Object> authorizer = lambdaAuthorizer(resources, route);
    Object identity = authorizer == null ? null : authorizer.get("Identity");
    Object headers = identity == null ? null : ((Map<String, Object>) identity).get("Headers");
    return headers == null ? List.of() : List.copyOf((List<String>) headers);
  }

  @SuppressWarnings("unchecked")
  private static String authorizerHandler(
      Map<String, Map<String, Object>> resources, Map<String, Object> route) {
    Map<String, Object> authorizer = lambdaAuthorizer(resources, route);
    if (authorizer == null) {
      return null;
    }
    String functionRef = String.valueOf(authorizer.get("FunctionArn")).split("\\.", 2)[0];
    return handlerName((Map<String, Object>) resources.get(functionRef).get("Properties"));
  }

  /** {@code a.b.Handler::handleRequest} names the class {@code a.b.Handler}. */
  private static String handlerName(Map<String, Object> functionProperties) {
    return String.valueOf(functionProperties.get("Handler")).split("::", 2)[0];
  }
}
