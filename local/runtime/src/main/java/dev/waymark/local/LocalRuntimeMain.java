package dev.waymark.local;

import java.util.concurrent.CountDownLatch;

/** {@code ./waymark local}: runs Waymark on this machine until interrupted. */
public final class LocalRuntimeMain {
  private LocalRuntimeMain() {}

  public static void main(String[] args) throws Exception {
    LocalRuntime.Options options = LocalRuntime.Options.defaults();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        options = options.withPort(Integer.parseInt(args[++i]));
      } else {
        System.err.println("usage: ./waymark local [--port 3000]");
        System.exit(2);
      }
    }
    LocalRuntime runtime = LocalRuntime.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
    System.out.printf(
        """
        Waymark is running locally.
          API:        %s   (routes of template.yaml)
          write key:  %s
          DynamoDB:   %s   (table %s)
          clock:      %s   (follows real time until POST /_local/clock/freeze
                      or /_local/clock/advance {"by":"P1D"}; /_local/clock/follow resumes)
        Analytics SDKs: set their host to %s (see docs/api.md, "SDK settings").
        Send events:
          curl -s -X POST %s/v1/events -H 'Authorization: Bearer %s' \\
               -H 'Content-Type: application/json' \\
               -d '{"batch":[{"type":"page","messageId":"m-1","anonymousId":"anon-1","name":"E-V Model"}]}'
        Press Ctrl-C to stop.
        """,
        runtime.baseUri(),
        runtime.writeKey(),
        runtime.dynamoEndpoint(),
        LocalRuntime.TABLE,
        runtime.clock().instant(),
        runtime.baseUri(),
        runtime.baseUri(),
        runtime.writeKey());
    new CountDownLatch(1).await();
  }
}
