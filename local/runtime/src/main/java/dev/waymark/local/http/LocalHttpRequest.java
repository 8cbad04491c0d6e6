package dev.waymark.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

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

  /**
   * The request Jetty received, its body read up to {@code maxBody} bytes; a longer body is refused
   * with a 413 problem. The path and query stay percent-encoded, as API Gateway's rawPath.
   */
  static LocalHttpRequest read(Request request, int maxBody) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.merge(
          field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
    }
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes(maxBody + 1);
      if (bytes.length > maxBody) {
        // read the rest (up to a bound) so the client, still sending, gets the answer
        in.skipNBytes(Math.min(Math.max(request.getLength() - bytes.length, 0), 8L * maxBody));
        throw tooLarge(maxBody);
      }
    }
    boolean binary = headers.containsKey("content-encoding");
    String body =
        binary
            ? java.util.Base64.getEncoder().encodeToString(bytes)
            : new String(bytes, StandardCharsets.UTF_8);
    String rawQuery = request.getHttpURI().getQuery();
    String path = request.getHttpURI().getPath();
    return new LocalHttpRequest(
        request.getMethod().toUpperCase(Locale.ROOT),
        path == null ? "/" : path,
        rawQuery == null ? "" : rawQuery,
        headers,
        body,
        binary);
  }

  private static ProblemException tooLarge(int maxBody) {
    return new ProblemException(
        Problem.tooLarge("body", "a request body may be at most " + maxBody + " bytes"));
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Query parameters as API Gateway gives them: decoded, repeated names joined by commas; bad
   * percent-encoding is a 400 problem naming the parameter.
   */
  public Map<String, String> queryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = PercentDecoding.decode(kv[0], true, "query");
      String value = kv.length > 1 ? PercentDecoding.decode(kv[1], true, key) : "";
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
