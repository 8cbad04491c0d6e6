package dev.waymark.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import dev.waymark.local.chaos.ChaosWorkload.Event;
import dev.waymark.local.chaos.ChaosWorkload.Person;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the chaos run must leave behind, read over the HTTP API and from the outbox: every accepted
 * event on its person's timeline once, processed; each person's identities on one profile of their
 * own; the newest plan trait kept; one confirmation per consenting booker's run and none for anyone
 * without consent.
 */
record ChaosCheck(LocalApi api, Outbox outbox, ChaosFigures figures) {
  void check(ChaosWorkload workload) {
    Map<String, Person> profileOwner = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Set<String> processed = new HashSet<>();
    for (Person person : workload.people()) {
      String profileId = identities(person, profileOwner);
      if (profileId == null) {
        continue;
      }
      JsonNode profile = api.get("/v1/profiles/" + profileId).body();
      if (!ChaosWorkload.FINAL_PLAN.equals(profile.path("traits").path("plan").asText())) {
        figures.traitViolations++;
      }
      for (JsonNode event : timeline(profileId)) {
        String messageId = event.path("messageId").asText();
        seen.merge(messageId, 1, Integer::sum);
        if (event.path("status").asText().equals("processed")) {
          processed.add(messageId);
        } else {
          figures.failedOnTimeline++;
        }
      }
    }
    for (Event event : workload.all()) {
      if (!processed.contains(event.messageId())
          || !figures.accepted().contains(event.messageId())) {
        figures.lost++;
      }
    }
    figures.duplicatedEvents = seen.values().stream().filter(n -> n > 1).count();
    sends(workload);
  }

  /** The profile of all the person's identities, or null (counted) when they are not on one. */
  private String identities(Person person, Map<String, Person> profileOwner) {
    Set<String> ids = new HashSet<>();
    for (String query :
        List.of(
            "userId=" + person.userId(),
            "email=" + person.email(),
            "anonymousId=" + person.anon1(),
            "anonymousId=" + person.anon2())) {
      LocalApi.Answer answer = api.get("/v1/profiles?" + query);
      ids.add(answer.status() == 200 ? answer.body().path("profileId").asText() : "missing");
    }
    String profileId = ids.iterator().next();
    Person owner = profileOwner.putIfAbsent(profileId, person);
    if (ids.size() != 1 || ids.contains("missing") || (owner != null && owner != person)) {
      figures.identityViolations++;
      return ids.contains("missing") ? null : profileId;
    }
    return profileId;
  }

  private List<JsonNode> timeline(String profileId) {
    List<JsonNode> events = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(
                  "/v1/profiles/"
                      + profileId
                      + "/events?limit=100"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .body();
      page.path("events").forEach(events::add);
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return events;
  }

  private void sends(ChaosWorkload workload) {
    Map<String, Person> byEmail = new HashMap<>();
    workload.people().forEach(p -> byEmail.put(p.email(), p));
    Map<String, Integer> perRunStep = new HashMap<>();
    for (Outbox.Message message : outbox.messages()) {
      figures.sends++;
      perRunStep.merge(message.run() + "#" + message.step(), 1, Integer::sum);
      Person to = byEmail.get(message.recipient());
      if (to == null || !to.consents()) {
        figures.sendsWithoutConsent++;
      }
    }
    figures.duplicateSends = perRunStep.values().stream().mapToLong(n -> n - 1).sum();
    figures.expectedSends =
        workload.people().stream().filter(p -> p.consents() && p.books()).count();
  }
}
