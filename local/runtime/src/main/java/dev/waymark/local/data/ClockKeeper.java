package dev.waymark.local.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the virtual clock in the data folder ({@code clock.json}: where it stands, and whether it
 * follows real time and with which lead), so a restart neither moves it back nor changes its mode.
 * It is written on every change of mode and every advance of a clock that stands still; a clock
 * that follows real time is written at most once a second (after a restart it catches up with real
 * time anyway). Called by the clock follower's change listener, under its lock, so saves happen in
 * the order of the changes.
 */
public final class ClockKeeper {
  /** The clock as saved: its instant and, when it follows real time, its lead over it. */
  public record Saved(Instant now, Optional<Duration> lead) {}

  private static final Duration FOLLOWING_SAVE_INTERVAL = Duration.ofSeconds(1);

  private final Path file;
  private final Supplier<Instant> now;
  private final Supplier<Optional<Duration>> lead;
  private Saved last;

  public ClockKeeper(Path file, Supplier<Instant> now, Supplier<Optional<Duration>> lead) {
    this.file = file;
    this.now = now;
    this.lead = lead;
  }

  /** The clock saved in {@code file}, if any. */
  public static Optional<Saved> read(Path file) {
    return DataFolder.read(file)
        .map(
            text -> {
              JsonNode json = Json.parse(text);
              return new Saved(
                  Instant.parse(json.path("now").asText()),
                  json.hasNonNull("lead")
                      ? Optional.of(Duration.parse(json.path("lead").asText()))
                      : Optional.empty());
            });
  }

  /** Saves the clock if it changed enough to matter (see the class comment). */
  public synchronized void changed() {
    Saved current = new Saved(now.get(), lead.get());
    if (last != null
        && current.lead().isPresent()
        && current.lead().equals(last.lead())
        && Duration.between(last.now(), current.now()).compareTo(FOLLOWING_SAVE_INTERVAL) < 0) {
      return;
    }
    var json = Json.object().put("now", current.now().toString());
    current.lead().ifPresentOrElse(l -> json.put("lead", l.toString()), () -> json.putNull("lead"));
    DataFolder.replace(file, Json.write(json) + "\n");
    last = current;
  }
}
