package dev.waymark.ddblocal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * The official DynamoDB Local engine, started in this JVM as a real HTTP server on a free port.
 * Waymark's code talks to it through ordinary AWS SDK v2 clients pointed at {@link #endpoint()}.
 */
public final class DynamoDbLocal implements AutoCloseable {
  private static final int PORT_ATTEMPTS = 5;
  private static final String SQLITE_PROPERTY = "sqlite4java.library.path";

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts an in-memory engine on a free port. */
  public static DynamoDbLocal start() {
    return start(DynamoDbLocal::freePort);
  }

  /**
   * Starts an engine that keeps its data in {@code folder} (DynamoDB Local's {@code -dbPath}: one
   * SQLite file, {@code shared-local-instance.db}), on a free port; a second start on the same
   * folder finds the tables, items and streams of the first.
   */
  public static DynamoDbLocal startIn(Path folder) {
    return start(DynamoDbLocal::freePort, Optional.of(folder));
  }

  static DynamoDbLocal start(IntSupplier ports) {
    return start(ports, Optional.empty());
  }

  /**
   * Starts on a port {@code ports} offers, asking for another when the engine cannot bind it: a
   * port found free is only free until another process (another build's tests on the same machine)
   * binds it first.
   */
  private static DynamoDbLocal start(IntSupplier ports, Optional<Path> folder) {
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        return startOnce(ports.getAsInt(), folder);
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw failure;
  }

  /** Starts an in-memory engine on the given port (its start-up banner is not printed). */
  public static DynamoDbLocal start(int port) {
    return startOnce(port, Optional.empty());
  }

  /**
   * Starts an engine on {@code port} of 127.0.0.1 only (DynamoDB Local itself binds every
   * interface), in memory or in {@code folder}; its start-up banner is not printed.
   */
  private static DynamoDbLocal startOnce(int port, Optional<Path> folder) {
    configureNativeLibrary();
    List<String> args = new ArrayList<>(List.of("-sharedDb", "-disableTelemetry"));
    args.addAll(List.of("-port", Integer.toString(port)));
    if (folder.isPresent()) {
      try {
        Files.createDirectories(folder.get());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + folder.get(), e);
      }
      args.addAll(List.of("-dbPath", folder.get().toAbsolutePath().toString()));
    } else {
      args.add("-inMemory");
    }
    java.io.PrintStream out = System.out;
    try {
      System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      LoopbackOnly.bind(server);
      server.start();
      return new DynamoDbLocal(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    } finally {
      System.setOut(out);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A synchronous client for this engine (dummy credentials, fixed region). */
  public DynamoDbClient client() {
    return pointedHere(DynamoDbClient.builder());
  }

  /** A client for the engine's DynamoDB Streams endpoint. */
  public DynamoDbStreamsClient streamsClient() {
    return pointedHere(DynamoDbStreamsClient.builder());
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedHere(
      B builder) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(localCredentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public static StaticCredentialsProvider localCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** sqlite4java loads its native library from a directory; find the one Maven resolved. */
  private static synchronized void configureNativeLibrary() {
    if (System.getProperty(SQLITE_PROPERTY) != null) {
      return;
    }
    nativeLibraryDirectory()
        .ifPresentOrElse(
            dir -> System.setProperty(SQLITE_PROPERTY, dir.toString()),
            () -> {
              throw new IllegalStateException(
                  "libsqlite4java-linux-amd64 not found on the class path or in ~/.m2;"
                      + " run the build with Maven so it is downloaded");
            });
  }

  private static Optional<Path> nativeLibraryDirectory() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("libsqlite4java") && entry.endsWith(".so")) {
        return Optional.of(Path.of(entry).toAbsolutePath().getParent());
      }
    }
    Path repo =
        Path.of(
            System.getProperty("user.home"),
            ".m2",
            "repository",
            "com",
            "almworks",
            "sqlite4java",
            "libsqlite4java-linux-amd64");
    if (!Files.isDirectory(repo)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(repo)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".so"))
          .map(Path::getParent)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
