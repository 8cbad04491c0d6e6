package dev.waymark.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A started JDK HTTP server with its own thread pool: what every local endpoint (the HTTP API,
 * SES/SNS, the Scheduler API) listens with.
 */
public final class LocalHttpServer implements AutoCloseable {
  /** The loopback address the local endpoints listen on. */
  public static final String LOOPBACK = "127.0.0.1";

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param host the address to listen on
   * @param port the port (0 for any free port)
   * @param threads the size of the pool that serves requests
   * @param context the path prefix {@code handler} serves
   */
  public LocalHttpServer(String host, int port, int threads, String context, HttpHandler handler)
      throws IOException {
    this.executor = Executors.newFixedThreadPool(threads);
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    server.setExecutor(executor);
    server.createContext(context, handler);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://<host>:<port>} */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
