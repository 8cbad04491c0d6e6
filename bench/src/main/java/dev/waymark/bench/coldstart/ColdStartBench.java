package dev.waymark.bench.coldstart;

import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code ./waymark bench coldstart}: each function's init from a cold JVM (a fresh {@code java}
 * process per sample, the function's own class path, the JVM options template.yaml gives the
 * functions) beside its floor, a bare handler building the same SDK clients; without priming and
 * with it (what SnapStart's checkpoint runs), and the first call made after each. Samples of every
 * function and floor are interleaved round by round, so that the machine's load falls on both sides
 * of a ratio alike. System property {@code bench.coldstart.samples} (default 5).
 */
public final class ColdStartBench {
  static final int SAMPLES = Integer.getInteger("bench.coldstart.samples", 5);
  static final String TABLE = "waymark-coldstart";
  static final String JOURNEY = "dynamodb,sesv2,sns,sfn,secrets";

  /** A deployed function: its module, its handler class, and the SDK clients it builds at init. */
  record Function(String module, String handler, String clients) {
    String name() {
      return handler.substring(handler.lastIndexOf('.') + 1);
    }
  }

  static final List<Function> FUNCTIONS =
      List.of(
          new Function("authorizer", "authorizer.WriteKeyAuthorizerHandler", "dynamodb"),
          new Function("ingest", "ingest.IngestHandler", "dynamodb"),
          new Function("process", "process.ProcessHandler", JOURNEY),
          new Function("process", "process.DeadLetterQueueHandler", "dynamodb,streams"),
          new Function("profiles", "profiles.ProfilesHandler", "dynamodb,secrets,sfn"),
          new Function("journey-tasks", "journeytasks.SendTaskHandler", JOURNEY),
          new Function("journey-tasks", "journeytasks.AwaitTaskHandler", JOURNEY),
          new Function("journey-tasks", "journeytasks.ProfileFactsHandler", JOURNEY),
          new Function("journey-tasks", "journeytasks.StepTaskHandler", JOURNEY),
          new Function("journeys", "journeys.JourneysHandler", JOURNEY),
          new Function("journeys", "journeys.UnsubscribeHandler", JOURNEY),
          new Function("feedback", "feedback.FeedbackHandler", JOURNEY),
          new Function("segments", "segments.SegmentsHandler", "dynamodb"),
          new Function("segments", "segments.SegmentDueChecksHandler", "dynamodb"),
          new Function("date-trigger", "datetrigger.DateTriggerHandler", JOURNEY),
          new Function("audience-schedule", "audienceschedule.AudienceScheduleHandler", JOURNEY));

  private ColdStartBench() {}

  public static void run() throws Exception {
    try (DynamoDbLocal local = DynamoDbLocal.start();
        DynamoDbClient dynamo = local.client()) {
      TemplateTable.create(
          dynamo, TemplateTable.findTemplate(), TemplateTable.WAYMARK_TABLE, TABLE);
      Map<String, String> env = environment(local);
      Map<String, Samples> byTarget = new LinkedHashMap<>();
      long benchStart = System.nanoTime();
      System.out.printf(
          "cold starts: %d rounds, each a fresh JVM per floor and per function; load %s%n",
          SAMPLES, ColdStartReport.loadAverage());
      for (int round = 1; round <= SAMPLES; round++) {
        for (String clients : FUNCTIONS.stream().map(Function::clients).distinct().toList()) {
          sample(
              byTarget,
              true,
              FUNCTIONS.stream().filter(f -> f.clients().equals(clients)).findFirst().orElseThrow(),
              env);
        }
        for (Function function : FUNCTIONS) {
          sample(byTarget, false, function, env);
        }
        System.out.printf(
            "round %d of %d done (%.0f s)%n",
            round, SAMPLES, (System.nanoTime() - benchStart) / 1e9);
      }
      long items = dynamo.scan(ScanRequest.builder().tableName(TABLE).build()).count();
      if (items != 0) {
        throw new IllegalStateException("priming wrote " + items + " items: it must only read");
      }
      System.out.println("table items after every run and primer: 0 (priming only reads)");
      ColdStartReport.print(FUNCTIONS, byTarget);
    }
  }

  /** One fresh JVM: the function's handler, or its floor on the function's class path. */
  private static void sample(
      Map<String, Samples> byTarget, boolean floor, Function function, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(classPath(function.module()));
    command.add(ColdStartProbe.class.getName());
    command.add(floor ? "floor" : "handler");
    command.add(floor ? function.clients() : "dev.waymark.functions." + function.handler());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    long start = System.nanoTime();
    Process process = builder.start();
    double builtMs = -1;
    String[] calls = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("built")) {
          builtMs = (System.nanoTime() - start) / 1e6;
        } else if (line.startsWith("calls ")) {
          calls = line.split(" ");
        } else {
          output.add(line);
        }
      }
    }
    if (process.waitFor() != 0 || builtMs < 0 || calls == null) {
      throw new IllegalStateException(
          command.subList(3, command.size())
              + " failed (exit "
              + process.exitValue()
              + "):\n"
              + String.join("\n", output));
    }
    byTarget
        .computeIfAbsent(key(floor, function), k -> new Samples())
        .add(
            builtMs,
            Long.parseLong(calls[1]) / 1e6,
            Long.parseLong(calls[2]) / 1e6,
            Integer.parseInt(calls[4]),
            Integer.parseInt(calls[3]));
  }

  /** Where a sample is kept: per function, and per set of SDK clients for the floors. */
  static String key(boolean floor, Function function) {
    return floor ? "floor " + function.clients() : function.name();
  }

  /** What the functions' environment holds (template.yaml), pointed at DynamoDB Local. */
  private static Map<String, String> environment(DynamoDbLocal local) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WAYMARK_TABLE", TABLE);
    env.put("AWS_REGION", "us-east-1");
    env.put("WAYMARK_DYNAMODB_ENDPOINT", local.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("POWERTOOLS_SERVICE_NAME", "waymark");
    env.put("POWERTOOLS_METRICS_NAMESPACE", "Waymark");
    env.put("POWERTOOLS_LOG_LEVEL", "WARN");
    env.put(
        "WAYMARK_SIGNING_SECRET_ARN",
        "arn:aws:secretsmanager:us-east-1:000000000000:secret:waymark-signing");
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return env;
  }

  /**
   * The function module's classes and its runtime dependencies (its {@code target/classpath.txt},
   * written by {@code ./waymark bench coldstart}), then the probe's own classes.
   */
  private static String classPath(String module) throws IOException {
    Path dir = Path.of("functions", module, "target");
    String dependencies = Files.readString(dir.resolve("classpath.txt")).strip();
    Path probe =
        Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    return String.join(
        File.pathSeparator, dir.resolve("classes").toString(), dependencies, probe.toString());
  }

  /**
   * One target's samples, in ms: from process start to the handler built (init), of the primers'
   * first run in that JVM (priming; without it, the first request's extra work), and of their
   * second run (the first request after a primed snapshot).
   */
  static final class Samples {
    final List<Double> init = new ArrayList<>();
    final List<Double> prime = new ArrayList<>();
    final List<Double> again = new ArrayList<>();
    final List<Double> classes = new ArrayList<>();
    int primers;

    void add(double initMs, double primeMs, double againMs, int loadedClasses, int primersRun) {
      primers = primersRun;
      init.add(initMs);
      prime.add(primeMs);
      again.add(againMs);
      classes.add((double) loadedClasses);
    }

    List<Double> initAndPrime() {
      List<Double> sums = new ArrayList<>();
      for (int i = 0; i < init.size(); i++) {
        sums.add(init.get(i) + prime.get(i));
      }
      return sums;
    }
  }
}
