package dev.waymark.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./waymark local}: runs Waymark on this machine until interrupted. */
public final class LocalRuntimeMain {
  /** The data folder when none is given: {@code .waymark/} in the project (git-ignored). */
  static final String DEFAULT_DATA = ".waymark";

  private LocalRuntimeMain() {}

  public static void main(String[] args) throws Exception {
    LocalRuntime.Options options = LocalRuntime.Options.defaults();
    Path data = Path.of(DEFAULT_DATA);
    boolean fresh = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length && args[i + 1].matches("\\d{1,5}")) {
        options = options.withPort(Integer.parseInt(args[++i]));
      } else if (args[i].equals("--data") && i + 1 < args.length && !args[i + 1].isBlank()) {
        data = Path.of(args[++i]);
      } else if (args[i].equals("--fresh")) {
        fresh = true;
      } else {
        System.err.println("usage: ./waymark local [--port 3000] [--data .waymark] [--fresh]");
        System.exit(2);
      }
    }
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(options.withData(data, fresh));
    } catch (IllegalStateException e) {
      // a data folder in use or not Waymark's, a port taken: say so, without a stack trace
      System.err.println("waymark local: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
    System.out.printf(
        """
        Waymark is running locally.
          API:        %s   (routes of template.yaml)
          console:    %s
          write key:  %s
          DynamoDB:   %s   (table %s)
          clock:      %s   (follows real time until POST /_local/clock/freeze
                      or /_local/clock/advance {"by":"P1D"}; /_local/clock/follow resumes)
          data:       %s   (kept across restarts; --fresh starts empty)
        Analytics SDKs: set their host to %s (see docs/api.md, "SDK settings").
        Send events:
          curl -s -X POST %s/v1/events -H 'Authorization: Bearer %s' \\
               -H 'Content-Type: application/json' \\
               -d '{"batch":[{"type":"page","messageId":"m-1","anonymousId":"anon-1","name":"E-V Model"}]}'
        Press Ctrl-C to stop.
        """,
        runtime.baseUri(),
        runtime.consoleUri(),
        runtime.writeKey(),
        runtime.dynamoEndpoint(),
        LocalRuntime.TABLE,
        runtime.clock().instant(),
        runtime.dataFolder().orElseThrow(),
        runtime.baseUri(),
        runtime.baseUri(),
        runtime.writeKey());
    new CountDownLatch(1).await();
  }
}
