package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 8: "202 accepted" means durably stored, locally too. The runtime runs as a process
 * of its own on a data folder; senders load it with events; once {@link #KILL_AFTER} are accepted
 * it is killed with SIGKILL while the senders still send; a new runtime on the same folder must
 * show every event that was answered {@code accepted}, processed, on its person's timeline — once —
 * with nothing dead-lettered.
 */
class SigkillRecoveryTest {
  static final int SENDERS = 3;
  static final int PEOPLE = 20;
  static final int BATCH = 10;
  static final int KILL_AFTER = 200;

  private final HttpClient http = HttpClient.newHttpClient();

  private final List<RuntimeProcess> started = new ArrayList<>();

  @TempDir Path data;

  @AfterEach
  void killWhatIsLeft() throws InterruptedException {
    for (RuntimeProcess runtime : started) {
      runtime.kill();
    }
  }

  @Test
  void everyAcceptedEventIsOnItsTimelineAfterASigkillMidLoadAndARestart() throws Exception {
    long t0 = System.nanoTime();
    RuntimeProcess first = RuntimeProcess.start(data);
    started.add(first);
    long t1 = System.nanoTime();
    Map<String, String> accepted = new ConcurrentHashMap<>(); // messageId -> anonymousId
    CountDownLatch enough = new CountDownLatch(1);
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.add(
          Thread.ofPlatform()
              .name("sender-" + s)
              .start(() -> send(first, sender, accepted, enough)));
    }

    assertThat(enough.await(5, TimeUnit.MINUTES)).as("%d events accepted", KILL_AFTER).isTrue();
    long t2 = System.nanoTime();
    int exit = first.kill();
    for (Thread sender : senders) {
      sender.join(); // each stops at its first request the dead runtime cannot answer
    }
    assertThat(exit).as("killed by SIGKILL").isEqualTo(137);
    assertThat(accepted.size()).isGreaterThanOrEqualTo(KILL_AFTER);

    RuntimeProcess second = RuntimeProcess.start(data);
    started.add(second);
    long t3 = System.nanoTime();
    assertThat(second.writeKey()).isEqualTo(first.writeKey());
    JsonNode settled = post(second.base().resolve("/_local/settle"));
    assertThat(settled.path("settled").asBoolean()).isTrue();
    assertThat(settled.path("deadLetters").asInt()).isZero();
    long t4 = System.nanoTime();
    System.out.printf(
        "sigkill: start %.1f s, load %.1f s (%d accepted), restart %.1f s, settle %.1f s%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, accepted.size(), (t3 - t2) / 1e9, (t4 - t3) / 1e9);

    Map<String, List<String>> byPerson = new HashMap<>();
    accepted.forEach(
        (id, person) -> byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id));
    for (Map.Entry<String, List<String>> person : byPerson.entrySet()) {
      List<String> timeline = timeline(second.base(), person.getKey());
      assertThat(timeline).as("timeline of %s", person.getKey()).doesNotHaveDuplicates();
      assertThat(timeline).as("timeline of %s", person.getKey()).containsAll(person.getValue());
    }
  }

  /**
   * Sends batches until the runtime stops answering; records every event answered accepted. A
   * sender that stops also counts the latch down, so the test never waits on a runtime that died by
   * itself (it then fails on the number accepted).
   */
  private void send(
      RuntimeProcess runtime, int sender, Map<String, String> accepted, CountDownLatch enough) {
    try {
      sendUntilKilled(runtime, sender, accepted, enough);
    } finally {
      enough.countDown();
    }
  }

  private void sendUntilKilled(
      RuntimeProcess runtime, int sender, Map<String, String> accepted, CountDownLatch enough) {
    for (int n = 0; ; n++) {
      String person = "crash-" + ((sender * 7 + n) % PEOPLE);
      StringBuilder batch = new StringBuilder("{\"batch\":[");
      for (int i = 0; i < BATCH; i++) {
        batch
            .append(i == 0 ? "" : ",")
            .append("{\"type\":\"track\",\"event\":\"Model Viewed\",\"messageId\":\"")
            .append("crash-%d-%d-%d".formatted(sender, n, i))
            .append("\",\"anonymousId\":\"")
            .append(person)
            .append("\",\"properties\":{\"n\":")
            .append(n)
            .append("}}");
      }
      HttpResponse<String> response;
      try {
        response =
            http.send(
                HttpRequest.newBuilder(runtime.base().resolve("/v1/events"))
                    .header("Authorization", "Bearer " + runtime.writeKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append("]}").toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return; // killed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (response.statusCode() == 202) {
        for (JsonNode result : Json.parse(response.body()).path("results")) {
          if (result.path("status").asText().equals("accepted")) {
            accepted.put(result.path("messageId").asText(), person);
          }
        }
      }
      if (accepted.size() >= KILL_AFTER) {
        enough.countDown();
      }
    }
  }

  /** Every messageId on the timeline of the person with this anonymousId, all pages. */
  private List<String> timeline(URI base, String anonymousId) throws Exception {
    String profileId =
        get(base.resolve("/v1/profiles?anonymousId=" + anonymousId)).path("profileId").asText();
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          get(
              base.resolve(
                  "/v1/profiles/"
                      + profileId
                      + "/events?limit=100"
                      + (cursor == null ? "" : "&cursor=" + cursor)));
      page.path("events").forEach(e -> ids.add(e.path("messageId").asText()));
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  private JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }

  private JsonNode post(URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", uri, response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }
}
