package dev.waymark.local.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The chaos program's events: per person ten events over three identities (a userId and two
 * anonymous ids, the second one stitched on later, often through a merge), three identifies whose
 * plan trait changes (the newest, {@code plan-8}, must win whatever order they arrive in), product
 * views, and for every third person a test drive booking that sends a confirmation e-mail when the
 * person consented. The first identify of everyone goes first (so consents can be given); the rest
 * is shuffled across people (reordering), and a share of it sent twice (duplicates).
 */
public record ChaosWorkload(List<Person> people, List<Event> first, List<Event> rest) {
  /** One person and what is expected of them. */
  public record Person(int index, String userId, String email, String anon1, String anon2) {
    public boolean consents() {
      return index % 2 == 0;
    }

    public boolean books() {
      return index % 3 == 0;
    }
  }

  /** One event: its messageId, its person, and its JSON. */
  public record Event(String messageId, Person person, String json) {}

  public static final String FINAL_PLAN = "plan-8";

  public static ChaosWorkload generate(int peopleCount, Instant start, Random random) {
    List<Person> people = new ArrayList<>();
    List<Event> first = new ArrayList<>();
    List<Event> rest = new ArrayList<>();
    for (int i = 0; i < peopleCount; i++) {
      Person p =
          new Person(
              i,
              "chaos-user-" + i,
              "chaos-" + i + "@example.com",
              "chaos-a1-" + i,
              "chaos-a2-" + i);
      people.add(p);
      Instant t = start.minusSeconds(3600).plusSeconds(i % 600);
      first.add(
          event(p, 1, t, "identify", ids(p.userId, p.anon1), traits(p.email, "plan-1"), null));
      rest.add(event(p, 0, t, "page", ids(null, p.anon1), null, null));
      rest.add(event(p, 2, t, "page", ids(null, p.anon2), null, null));
      rest.add(event(p, 3, t, "identify", ids(p.userId, p.anon2), traits(null, "plan-3"), null));
      for (int k = 4; k <= 7; k++) {
        String who = k % 2 == 0 ? ids(p.userId, null) : ids(null, p.anon2);
        rest.add(event(p, k, t, "track", who, null, "Product Viewed"));
      }
      rest.add(event(p, 8, t, "identify", ids(p.userId, null), traits(null, FINAL_PLAN), null));
      rest.add(
          p.books()
              ? booking(p, t, start.plusSeconds(5 * 86400))
              : event(p, 9, t, "track", ids(p.userId, null), null, "Product Viewed"));
    }
    Collections.shuffle(rest, random);
    return new ChaosWorkload(List.copyOf(people), List.copyOf(first), List.copyOf(rest));
  }

  /** Every event once. */
  public List<Event> all() {
    List<Event> all = new ArrayList<>(first);
    all.addAll(rest);
    return all;
  }

  private static Event event(
      Person p, int k, Instant t, String type, String ids, String traits, String name) {
    String messageId = "chaos-" + p.index + "-" + k;
    StringBuilder json =
        new StringBuilder("{\"type\":\"" + type + "\",\"messageId\":\"" + messageId + "\"");
    json.append(ids);
    json.append(",\"timestamp\":\"").append(t.plusSeconds(k)).append('"');
    if (name != null) {
      json.append(",\"event\":\"").append(name).append('"');
    }
    if (traits != null) {
      json.append(",\"traits\":").append(traits);
    }
    return new Event(messageId, p, json.append('}').toString());
  }

  private static Event booking(Person p, Instant t, Instant startsAt) {
    Event plain = event(p, 9, t, "track", ids(p.userId, null), null, "Test Drive Booked");
    String json =
        plain.json().substring(0, plain.json().length() - 1)
            + ",\"properties\":{\"startsAt\":\""
            + startsAt
            + "\",\"location\":\"Carvelo Warsaw\"}}";
    return new Event(plain.messageId(), p, json);
  }

  private static String ids(String userId, String anonymousId) {
    return (userId == null ? "" : ",\"userId\":\"" + userId + "\"")
        + (anonymousId == null ? "" : ",\"anonymousId\":\"" + anonymousId + "\"");
  }

  private static String traits(String email, String plan) {
    return "{"
        + (email == null ? "" : "\"email\":\"" + email + "\",")
        + "\"plan\":\""
        + plan
        + "\"}";
  }
}
