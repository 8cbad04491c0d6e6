package dev.waymark.functions.journeys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.simulate.SimulationRequest;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The people a simulation replays, read from the live table (reads only): who (the listed profiles,
 * a segment's members from its member index, or any profiles a page at a time from the profile
 * directory), each one's profile as it is now, and their recorded events — the newest {@link
 * #MAX_EVENTS_PER_PERSON}, processed ones, between {@code from} and {@code until} — oldest first.
 * Read eight people at a time.
 */
record SimulationSample(
    String source, Map<String, Profile> profiles, Map<String, List<InboundEvent>> timelines) {
  /** The most recorded events of one person a simulation replays (the newest). */
  static final int MAX_EVENTS_PER_PERSON = 500;

  private static final int PAGE = 500;
  private static final int READERS = 8;

  static SimulationSample read(
      WaymarkServices core, ProfileDirectory directory, SimulationRequest request, Instant until) {
    String source;
    Set<String> ids = new LinkedHashSet<>();
    if (!request.people().isEmpty()) {
      source = "people";
      ids.addAll(request.people());
    } else if (request.segment().isPresent()) {
      String segment = request.segment().get();
      if (core.segments().catalog().find(segment).isEmpty()) {
        throw ProblemException.invalidField("/segment", "no segment " + segment);
      }
      source = "segment:" + segment;
      String cursor = null;
      do {
        Page<String> page = core.segments().memberships().members(segment, PAGE, cursor);
        page.items().stream().limit(request.limit() - ids.size()).forEach(ids::add);
        cursor = page.nextCursor();
      } while (cursor != null && ids.size() < request.limit());
    } else {
      source = "profiles";
      String cursor = null;
      do {
        Page<Profile> page = directory.page(Math.min(PAGE, request.limit()), cursor);
        page.items().stream().limit(request.limit() - ids.size()).forEach(p -> ids.add(p.id()));
        cursor = page.nextCursor();
      } while (cursor != null && ids.size() < request.limit());
    }
    request.person().ifPresent(ids::add);
    return readPeople(core, source, List.copyOf(ids), request, until);
  }

  private static SimulationSample readPeople(
      WaymarkServices core,
      String source,
      List<String> ids,
      SimulationRequest request,
      Instant until) {
    Map<String, Profile> profiles = new LinkedHashMap<>();
    Map<String, List<InboundEvent>> timelines = new LinkedHashMap<>();
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<Optional<Profile>>> found = new ArrayList<>();
      for (String id : ids) {
        found.add(readers.submit(() -> core.profiles().resolve(id)));
      }
      List<Future<List<InboundEvent>>> events = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Optional<Profile> profile = joined(found.get(i));
        if (profile.isEmpty()) {
          if (request.people().contains(ids.get(i))) {
            throw ProblemException.invalidField(
                "/people/" + request.people().indexOf(ids.get(i)), "no profile " + ids.get(i));
          }
          continue;
        }
        Profile p = profile.get();
        if (profiles.putIfAbsent(p.id(), p) == null) {
          events.add(readers.submit(() -> timeline(core, p.id(), request, until)));
        }
      }
      int i = 0;
      for (String id : profiles.keySet()) {
        timelines.put(id, joined(events.get(i++)));
      }
    } finally {
      readers.shutdownNow();
    }
    return new SimulationSample(source, profiles, timelines);
  }

  /**
   * A task's answer; its exception thrown again as it was (a problem stays a 4xx), an interruption
   * kept.
   */
  static <T> T joined(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("a simulation task failed", e.getCause());
    }
  }

  /** The person's newest processed events within the window, oldest first. */
  private static List<InboundEvent> timeline(
      WaymarkServices core, String profileId, SimulationRequest request, Instant until) {
    List<ObjectNode> stored =
        core.records().timeline(profileId, MAX_EVENTS_PER_PERSON, null).items();
    List<InboundEvent> events = new ArrayList<>();
    for (int i = stored.size() - 1; i >= 0; i--) {
      ObjectNode body = stored.get(i).deepCopy();
      if (!"processed".equals(body.path("status").asText())) {
        continue;
      }
      body.remove("status");
      body.remove("waymarkNotes");
      Instant receivedAt =
          Instant.parse(body.path("receivedAt").asText(body.path("timestamp").asText()));
      InboundEvent event = new InboundEvent(body, receivedAt);
      Instant at = event.timestamp();
      if (request.from().map(f -> !at.isBefore(f)).orElse(true) && !at.isAfter(until)) {
        events.add(event);
      }
    }
    return events;
  }
}
