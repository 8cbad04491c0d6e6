package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;

/**
 * TestState instrumentation for one state run: mocked task outcome, simulated state configuration
 * and the collected inspection data.
 */
public final class TestHooks {
  final JsonNode mockResult;
  final StatesFailure mockError;
  final int retrierRetryCount;
  final int mapIterationFailureCount;
  final JsonNode mapItemReaderData;
  final ObjectNode inspection;
  StatesFailure caught;

  /** A retrier still has attempts: TestState reports RETRIABLE. */
  public static final class Retriable extends RuntimeException {
    public final StatesFailure failure;
    public final long backoffSeconds;
    public final int retrierIndex;

    Retriable(StatesFailure failure, long backoffSeconds, int retrierIndex) {
      super(failure.error(), null, false, false);
      this.failure = failure;
      this.backoffSeconds = backoffSeconds;
      this.retrierIndex = retrierIndex;
    }
  }

  public TestHooks(
      JsonNode mockResult,
      StatesFailure mockError,
      int retrierRetryCount,
      int mapIterationFailureCount,
      JsonNode mapItemReaderData,
      ObjectNode inspection) {
    this.mockResult = mockResult;
    this.mockError = mockError;
    this.retrierRetryCount = retrierRetryCount;
    this.mapIterationFailureCount = mapIterationFailureCount;
    this.mapItemReaderData = mapItemReaderData;
    this.inspection = inspection;
  }

  public boolean mocked() {
    return mockResult != null || mockError != null;
  }

  /** The mocked task/Map/Parallel result, or the mocked failure thrown. */
  JsonNode mockOutcome() {
    if (mockError != null) {
      throw new StatesFailure(mockError.error(), mockError.cause());
    }
    return mockResult.deepCopy();
  }

  /**
   * A retrier matched: with a back-off (seconds, or negative when exhausted) the state is
   * RETRIABLE.
   */
  void onRetrier(StatesFailure f, int index, double backoffSeconds) {
    if (backoffSeconds >= 0) {
      throw new Retriable(f, (long) backoffSeconds, index);
    }
    if (inspection != null) {
      inspection.putObject("errorDetails").put("retryIndex", index);
    }
  }

  /** A catcher matched: TestState reports CAUGHT_ERROR. */
  void onCaught(StatesFailure f, int index) {
    caught = f;
    if (inspection != null) {
      inspection.putObject("errorDetails").put("catchIndex", index);
    }
  }

  void inspect(String key, JsonNode value) {
    if (inspection != null && value != null && !inspection.has(key)) {
      inspection.set(key, value);
    }
  }

  public boolean inspectionEnabled() {
    return inspection != null;
  }

  public ObjectNode inspectionData() {
    return inspection;
  }

  public StatesFailure caught() {
    return caught;
  }
}
