package dev.waymark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./waymark bench simulate [people]}: {@code POST /v1/journeys/{id}/simulate} on a draft
 * over the local runtime's HTTP API, against the recorded timelines of {@code people} (default
 * 1,000) who each viewed a cart (a third in Poland: the branch; half ordered 30 minutes later: the
 * waitFor), with email consent. Prints the wall time of each of {@link #ROUNDS} simulations after
 * one warm-up (median, min, max), the part spent reading the sample from the table, and the figures
 * of the last one (entered, messages), so a run that entered nobody cannot pass as fast.
 */
final class SimulationBench {
  static final int ROUNDS = 5;
  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
  static final String DRAFT =
      """
      {"id":"bench-cart","name":"Cart follow-up","entry":{"event":"Cart Viewed"},
       "steps":[
        {"id":"route","type":"branch",
         "conditions":[{"trait":"country","op":"equals","value":"PL","next":"offer-pl"}],
         "default":"offer"},
        {"id":"offer","type":"send","channels":["email"],"template":"bench-offer","window":"any","next":"order"},
        {"id":"offer-pl","type":"send","channels":["email"],"template":"bench-offer","window":"any","next":"order"},
        {"id":"order","type":"waitFor","event":"Order Completed","timeout":"P1D",
         "performed":"thanks","timedOut":"reminder"},
        {"id":"thanks","type":"send","channels":["email"],"template":"bench-offer","window":"any"},
        {"id":"reminder","type":"send","channels":["email"],"template":"bench-offer","window":"any"}
       ]}""";

  private SimulationBench() {}

  static void run(int people) throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(START))) {
      LocalApi api = new LocalApi(runtime);
      check(
          api.put(
              "/v1/templates/bench-offer",
              """
              {"email":{"subject":"Your cart","html":"<p>Hi {{ profile.firstName }}</p>"},
               "sample":{"profile":{"firstName":"Ada"}}}"""));
      check(api.put("/v1/journeys/bench-cart", DRAFT));
      load(runtime, api, people);
      String body =
          "{\"limit\":" + people + ",\"until\":\"" + START.plus(Duration.ofDays(3)) + "\"}";
      check(api.post("/v1/journeys/bench-cart/simulate", body));
      List<Double> took = new ArrayList<>();
      List<Double> read = new ArrayList<>();
      JsonNode last = null;
      for (int i = 0; i < ROUNDS; i++) {
        long began = System.nanoTime();
        LocalApi.Answer answer = check(api.post("/v1/journeys/bench-cart/simulate", body));
        took.add((System.nanoTime() - began) / 1e6);
        last = answer.body();
        read.add(last.path("readMillis").asDouble());
      }
      Collections.sort(took);
      Collections.sort(read);
      System.out.printf(
          Locale.ROOT,
          "simulation of %d people (%d events): median %.0f ms (min %.0f, max %.0f) over %d rounds;"
              + " reading the sample %.0f ms (median); entered %d, messages %d%n",
          last.path("sample").path("people").asInt(),
          last.path("sample").path("events").asInt(),
          took.get(ROUNDS / 2),
          took.get(0),
          took.get(ROUNDS - 1),
          ROUNDS,
          read.get(ROUNDS / 2),
          last.path("stats").path("entered").asLong(),
          last.path("messagesWouldSend").asLong());
    }
  }

  /** The people and their events, a day before the start, in batches of 100 events. */
  private static void load(LocalRuntime runtime, LocalApi api, int people) {
    Instant day = START.minus(Duration.ofDays(1));
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      Instant at = day.plusSeconds(i * 60L);
      String user = "bench-" + i;
      batch.add(
          event(
              "identify",
              user,
              at,
              null,
              "{\"firstName\":\"P"
                  + i
                  + "\",\"email\":\""
                  + user
                  + "@example.com\""
                  + (i % 3 == 0 ? ",\"country\":\"PL\"" : "")
                  + "}"));
      batch.add(event("track", user, at.plusSeconds(1), "Cart Viewed", null));
      if (i % 2 == 0) {
        batch.add(event("track", user, at.plus(Duration.ofMinutes(30)), "Order Completed", null));
      }
      if (batch.size() >= 100) {
        send(api, batch);
      }
    }
    send(api, batch);
    runtime.awaitProcessed();
    for (int i = 0; i < people; i++) {
      String id = api.get("/v1/profiles?userId=bench-" + i).body().path("profileId").asText();
      check(
          api.put(
              "/v1/profiles/" + id + "/consents",
              "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"bench\"}]}"));
    }
    runtime.awaitProcessed();
  }

  private static String event(String type, String user, Instant at, String name, String traits) {
    return "{\"type\":\""
        + type
        + "\",\"messageId\":\""
        + user
        + "-"
        + type
        + "-"
        + at.getEpochSecond()
        + "\",\"userId\":\""
        + user
        + "\",\"timestamp\":\""
        + at
        + "\""
        + (name == null ? "" : ",\"event\":\"" + name + "\"")
        + (traits == null ? "" : ",\"traits\":" + traits)
        + "}";
  }

  private static void send(LocalApi api, List<String> batch) {
    if (!batch.isEmpty()) {
      LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + String.join(",", batch) + "]}");
      if (answer.status() != 202) {
        throw new IllegalStateException("events refused: " + answer.body());
      }
      batch.clear();
    }
  }

  private static LocalApi.Answer check(LocalApi.Answer answer) {
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(answer.status() + " " + answer.body());
    }
    return answer;
  }
}
