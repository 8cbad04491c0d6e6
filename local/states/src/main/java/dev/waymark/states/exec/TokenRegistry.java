package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.clock.EngineClock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Task tokens handed out by .waitForTaskToken tasks and the callbacks that complete them. */
public final class TokenRegistry {
  private final Map<String, Pending> open = new ConcurrentHashMap<>();
  private final java.util.Set<String> closed = ConcurrentHashMap.newKeySet();
  private final EngineClock clock;

  TokenRegistry(EngineClock clock) {
    this.clock = clock;
  }

  String issue(Pending p) {
    String token =
        UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    open.put(token, p);
    return token;
  }

  Pending pendingFor(String token) {
    Pending p = open.get(token);
    if (p == null) {
      p = new Pending();
      open.put(token, p);
    }
    return p;
  }

  void close(String token) {
    if (open.remove(token) != null) {
      closed.add(token);
    }
  }

  public void succeed(String token, JsonNode output) {
    Pending p = find(token);
    clock.update(() -> p.succeed(output));
  }

  public void fail(String token, String error, String cause) {
    Pending p = find(token);
    clock.update(() -> p.fail(error, cause));
  }

  public void heartbeat(String token) {
    Pending p = find(token);
    clock.update(() -> p.lastHeartbeat = clock.now());
  }

  private Pending find(String token) {
    Pending p = token == null ? null : open.get(token);
    if (p == null && token != null && closed.contains(token)) {
      throw new StatesApiException(
          "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
    if (p == null) {
      throw new StatesApiException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    return p;
  }
}
