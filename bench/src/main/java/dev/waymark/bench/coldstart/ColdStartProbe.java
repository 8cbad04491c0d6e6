package dev.waymark.bench.coldstart;

import java.lang.reflect.Method;

/**
 * What {@link ColdStartBench} runs in each fresh JVM: builds one function's handler with its no-arg
 * constructor (as the Lambda runtime does at init), or the floor (the same SDK clients and nothing
 * else), and prints {@code built} at once (the bench times the JVM from its start to that line).
 * Then it runs the primers (what SnapStart's {@code beforeCheckpoint} runs before the snapshot; run
 * first in a cold JVM, they are also the work a first request starts with), then runs them again (a
 * first request after a primed snapshot), and prints {@code calls <first ns> <again ns> <primers>}.
 * Only JDK classes are named here, so that nothing is loaded that the function itself would not
 * load.
 *
 * <p>Arguments: {@code handler <class>} or {@code floor <client,client…>}.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    boolean handler = args[0].equals("handler");
    Object built =
        handler
            ? Class.forName(args[1]).getConstructor().newInstance()
            : Class.forName("dev.waymark.bench.coldstart.ColdStartFloor")
                .getMethod("build", String.class)
                .invoke(null, args[1]);
    System.out.println("built");
    System.out.flush();
    int classes = loadedClasses();
    Method primer = primer(handler);
    long first = System.nanoTime();
    Object primers = primer.invoke(null, built);
    long again = System.nanoTime();
    primer.invoke(null, built);
    long end = System.nanoTime();
    System.out.println(
        "calls " + (again - first) + " " + (end - again) + " " + primers + " " + classes);
    System.out.flush();
  }

  /** Classes loaded so far (the management classes this loads add the same few on both sides). */
  private static int loadedClasses() {
    return (int)
        java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
  }

  private static Method primer(boolean handler) throws ReflectiveOperationException {
    return Class.forName(
            handler
                ? "dev.waymark.bench.coldstart.ColdStartProbe$Primers"
                : "dev.waymark.bench.coldstart.ColdStartFloor")
        .getMethod("prime", Object.class);
  }

  /** A handler's primers: the ones its constructor registered. */
  public static final class Primers {
    private Primers() {}

    public static Object prime(Object handler) throws ReflectiveOperationException {
      return Class.forName("dev.waymark.aws.telemetry.SnapStartPriming")
          .getMethod("primeNow")
          .invoke(null);
    }
  }
}
