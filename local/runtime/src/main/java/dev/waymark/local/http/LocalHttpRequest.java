package dev.waymark.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An incoming HTTP request, and its translation into API Gateway HTTP API (payload 2.0) events. A
 * body with a Content-Encoding (gzip) is binary: as API Gateway does, it is handed to the function
 * base64-encoded ({@code isBase64Encoded}).
 */
public record LocalHttpRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, String> headers,
    String body,
    boolean base64) {

  static LocalHttpRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    boolean binary = headers.containsKey("content-encoding");
    String body =
        binary
            ? java.util.Base64.getEncoder().encodeToString(bytes)
            : new String(bytes, StandardCharsets.UTF_8);
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new LocalHttpRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getPath(),
        rawQuery == null ? "" : rawQuery,
        headers,
        body,
        binary);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Query parameters as API Gateway gives them: decoded, repeated names joined by commas. */
  public Map<String, String> queryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      parameters.merge(key, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  APIGatewayV2HTTPEvent toApiGatewayEvent(ApiRoute route, Map<String, String> pathParameters) {
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(path);
    http.setProtocol("HTTP/1.1");
    http.setSourceIp("127.0.0.1");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRouteKey(route.routeKey());
    context.setRequestId(UUID.randomUUID().toString());
    context.setStage("$default");
    context.setAccountId("000000000000");
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(route.routeKey());
    event.setRawPath(path);
    event.setRawQueryString(rawQuery);
    event.setHeaders(headers);
    event.setQueryStringParameters(queryParameters().isEmpty() ? null : queryParameters());
    event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);
    event.setBody(body.isEmpty() ? null : body);
    event.setIsBase64Encoded(base64);
    event.setRequestContext(context);
    return event;
  }

  APIGatewayV2CustomAuthorizerEvent toAuthorizerEvent(ApiRoute route, List<String> identity) {
    APIGatewayV2CustomAuthorizerEvent event = new APIGatewayV2CustomAuthorizerEvent();
    event.setVersion("2.0");
    event.setType("REQUEST");
    event.setRouteKey(route.routeKey());
    event.setRawPath(path);
    event.setRawQueryString(rawQuery);
    event.setHeaders(headers);
    event.setIdentitySource(identity.isEmpty() ? null : identity);
    return event;
  }
}
