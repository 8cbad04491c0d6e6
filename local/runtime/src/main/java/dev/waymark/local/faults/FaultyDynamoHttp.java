package dev.waymark.local.faults;

import dev.waymark.local.faults.FaultPlan.Target;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of the runtime's DynamoDB client: passes calls to DynamoDB Local unless the fault
 * plan says otherwise, in which case the call never reaches the table and is answered as DynamoDB
 * answers a throttled request (400 ProvisionedThroughputExceededException) or an internal error
 * (500 InternalServerError). The SDK then does what it does against AWS: retries with back-off, and
 * gives up after its attempts. Also counts the SDK's retries (its {@code amz-sdk-request:
 * attempt=N} header), and every call by operation and by the kind of thread that made it (its name
 * without the trailing number: {@code process} for the process function's workers), so a benchmark
 * can count the round trips an event costs.
 */
public final class FaultyDynamoHttp implements SdkHttpClient {
  private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
  private final SdkHttpClient real;
  private final Faults faults;
  private final AtomicLong retries = new AtomicLong();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  public FaultyDynamoHttp(SdkHttpClient real, Faults faults) {
    this.real = real;
    this.faults = faults;
  }

  /** Requests the SDK sent again after a failed attempt. */
  public long retries() {
    return retries.get();
  }

  /** Calls so far, keyed {@code "<thread kind> <operation>"} (e.g. {@code "process GetItem"}). */
  public Map<String, Long> calls() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach((key, count) -> snapshot.put(key, count.sum()));
    return snapshot;
  }

  private static String threadKind() {
    String name = Thread.currentThread().getName();
    int end = name.length();
    while (end > 0 && (Character.isDigit(name.charAt(end - 1)) || name.charAt(end - 1) == '-')) {
      end--;
    }
    return end == 0 ? "unnamed" : name.substring(0, end);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    if (request
        .httpRequest()
        .firstMatchingHeader("amz-sdk-request")
        .filter(h -> !h.startsWith("attempt=1;"))
        .isPresent()) {
      retries.incrementAndGet();
    }
    String operation =
        request
            .httpRequest()
            .firstMatchingHeader("X-Amz-Target")
            .map(t -> t.substring(t.indexOf('.') + 1))
            .orElse("");
    calls.computeIfAbsent(threadKind() + " " + operation, k -> new LongAdder()).increment();
    return switch (faults.next(Target.DYNAMODB, operation)) {
      case NONE -> real.prepareRequest(request);
      case FIRST ->
          answer(
              400,
              "ProvisionedThroughputExceededException",
              "injected by /_local/faults: the request rate is too high");
      case SECOND -> answer(500, "InternalServerError", "injected by /_local/faults");
    };
  }

  private static ExecutableHttpRequest answer(int status, String type, String message) {
    byte[] body =
        ("{\"__type\":\"" + TYPE_PREFIX + type + "\",\"message\":\"" + message + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(status)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("x-amzn-RequestId", "injected")
                    .putHeader("Content-Length", Integer.toString(body.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public String clientName() {
    return "faulty-" + real.clientName();
  }

  @Override
  public void close() {
    real.close();
  }
}
