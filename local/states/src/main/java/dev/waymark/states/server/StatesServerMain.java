package dev.waymark.states.server;

import dev.waymark.states.ExecutionRetention;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.api.StatesHttpServer;
import dev.waymark.states.clock.ClockMode;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./waymark states [--port 8083] [--clock real|skip] [--host 127.0.0.1] [--lambda-echo]
 * [--keep-closed 10000]}: the Step Functions-compatible endpoint on its own; closed executions are
 * forgotten 90 days after they closed or past the {@code --keep-closed} newest. No Lambda functions
 * are registered, so Lambda tasks fail with {@code Lambda.ResourceNotFoundException} unless {@code
 * --lambda-echo} makes every function return its payload.
 */
public final class StatesServerMain {
  private StatesServerMain() {}

  record Options(String host, int port, ClockMode clock, boolean lambdaEcho, int keepClosed) {
    Options(String host, int port, ClockMode clock, boolean lambdaEcho) {
      this(host, port, clock, lambdaEcho, ExecutionRetention.DEFAULT_CLOSED_CAP);
    }

    static Options parse(String... args) {
      String host = "127.0.0.1";
      int port = 8083;
      ClockMode clock = ClockMode.REAL;
      boolean echo = false;
      int keepClosed = ExecutionRetention.DEFAULT_CLOSED_CAP;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--host" -> host = value(args, ++i, "--host");
          case "--clock" ->
              clock =
                  switch (value(args, ++i, "--clock")) {
                    case "real" -> ClockMode.REAL;
                    case "skip" -> ClockMode.SKIP;
                    default -> throw new IllegalArgumentException("--clock takes real or skip");
                  };
          case "--lambda-echo" -> echo = true;
          case "--keep-closed" -> keepClosed = count(value(args, ++i, "--keep-closed"));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(host, port, clock, echo, keepClosed);
    }

    private static int count(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--keep-closed takes a whole number, 0 or more");
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("waymark states: " + e.getMessage());
      System.err.println(
          "usage: ./waymark states [--port 8083] [--clock real|skip] [--host 127.0.0.1] "
              + "[--lambda-echo] [--keep-closed 10000]");
      System.exit(2);
      return;
    }
    StatesHttpServer server = start(o);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    banner(o, server.endpoint(), System.out);
    new CountDownLatch(1).await();
  }

  static StatesHttpServer start(Options o) throws java.io.IOException {
    StatesEngine.Builder b =
        StatesEngine.builder()
            .clockMode(o.clock())
            .retention(ExecutionRetention.closedCap(o.keepClosed()));
    if (o.lambdaEcho()) {
      b.defaultLambda(payload -> payload);
    }
    return StatesHttpServer.start(b.build(), o.host(), o.port());
  }

  static void banner(Options o, String endpoint, PrintStream out) {
    out.println(
        "Waymark States: Step Functions API on "
            + endpoint
            + "  (clock: "
            + o.clock().name().toLowerCase()
            + (o.clock() == ClockMode.SKIP
                ? ", time jumps to the next timer whenever nothing can run"
                : "")
            + ")");
    out.println(
        "Lambda tasks: "
            + (o.lambdaEcho()
                ? "every function echoes its payload (--lambda-echo)"
                : "no functions registered; they fail with Lambda.ResourceNotFoundException (--lambda-echo to echo)"));
    out.println();
    out.println("AWS CLI:");
    out.println(
        "  aws stepfunctions --endpoint-url "
            + endpoint
            + " --region us-east-1 list-state-machines");
    out.println(
        "  AWS_DISABLE_HOST_PREFIX_INJECTION=true aws stepfunctions --endpoint-url "
            + endpoint
            + " --region us-east-1 start-sync-execution --state-machine-arn <express machine ARN>");
    out.println(
        "  (the variable stops the CLI from calling host sync-"
            + o.host()
            + " for start-sync-execution)");
    out.println();
    out.println("AWS SDK for Java v2:");
    out.println("  SfnClient sfn = SfnClient.builder()");
    out.println("      .endpointOverride(URI.create(\"" + endpoint + "\"))");
    out.println("      .region(Region.US_EAST_1)");
    out.println(
        "      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(\"x\","
            + " \"x\")))");
    out.println("      .overrideConfiguration(c -> c.putAdvancedOption(");
    out.println(
        "          SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)) // StartSyncExecution");
    out.println("      .build();");
    out.flush();
  }
}
