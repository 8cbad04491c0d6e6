package dev.waymark.ddblocal;

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local's server (Jetty) listens on every interface and has no option to change that; the
 * local table holds personal data, so before it starts its connector is set to 127.0.0.1. The Jetty
 * server is a private field of {@link DynamoDBProxyServer}, read once here; if a later DynamoDB
 * Local renames it, starting fails saying so rather than listening on every interface.
 */
final class LoopbackOnly {
  static final String HOST = "127.0.0.1";

  private LoopbackOnly() {}

  static void bind(DynamoDBProxyServer proxy) {
    Server jetty = jetty(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local's server has no connector to bind");
    }
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector server)) {
        throw new IllegalStateException(
            "DynamoDB Local's connector cannot be bound to " + HOST + ": " + connector);
      }
      server.setHost(HOST);
    }
  }

  private static Server jetty(DynamoDBProxyServer proxy) {
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      return (Server) field.get(proxy);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "cannot bind DynamoDB Local to " + HOST + " (its server field changed?)", e);
    }
  }
}
