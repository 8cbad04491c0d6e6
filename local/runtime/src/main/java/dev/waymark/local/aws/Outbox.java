package dev.waymark.local.aws;

import dev.waymark.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every message the local SES and SNS endpoints accepted, oldest first. With a data folder each
 * message is also appended to a log file (one JSON document a line) as it is accepted, and the log
 * is read back at start; a last line cut short by a crash is skipped.
 */
public final class Outbox {
  /** One delivered message, as {@code GET /_local/outbox} shows it. */
  public record Message(
      String id,
      String channel,
      String recipient,
      String subject,
      String body,
      String html,
      Map<String, String> headers,
      Map<String, String> tags,
      Instant at) {

    public String journey() {
      return tags.get("journeyId");
    }

    public String run() {
      return tags.get("runId");
    }

    public String step() {
      return tags.get("stepId");
    }
  }

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private final Optional<Path> log;
  private volatile Runnable onMessage = () -> {};

  public Outbox(Clock clock) {
    this(clock, Optional.empty());
  }

  /** An outbox kept in {@code log} (read now, appended to on every message). */
  public Outbox(Clock clock, Optional<Path> log) {
    this.clock = clock;
    this.log = log;
    log.filter(Files::exists).ifPresent(this::load);
  }

  private void load(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(
          line -> {
            try {
              messages.add(Json.MAPPER.readValue(line, Message.class));
            } catch (IOException e) {
              // a line cut short when the runtime was killed mid-write: the message never left
              System.err.println("outbox: skipped an unreadable line of " + file);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + file, e);
    }
  }

  private void append(Message message) {
    if (log.isEmpty()) {
      return;
    }
    try {
      Files.writeString(
          log.get(),
          Json.MAPPER.writeValueAsString(message) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the outbox " + log.get(), e);
    }
  }

  Message add(
      String channel,
      String recipient,
      String subject,
      String body,
      String html,
      Map<String, String> headers,
      Map<String, String> tags) {
    Message message =
        new Message(
            UUID.randomUUID().toString(),
            channel,
            recipient,
            subject,
            body,
            html,
            Map.copyOf(headers),
            Map.copyOf(tags),
            clock.instant());
    synchronized (this) {
      append(message);
      messages.add(message);
      notifyAll();
    }
    onMessage.run();
    return message;
  }

  /** Runs {@code action} after each message is added (the runtime's latency probe marks it). */
  public void afterEachMessage(Runnable action) {
    this.onMessage = action;
  }

  /** How many messages there are. */
  public int size() {
    return messages.size();
  }

  /**
   * Blocks (without polling: {@link #add} wakes it) until there are more than {@code count}
   * messages or {@code timeout} passed; true if there are.
   */
  public synchronized boolean awaitMoreThan(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (messages.size() <= count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  public List<Message> messages() {
    return new ArrayList<>(messages);
  }

  public Optional<Message> find(String id) {
    return messages.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
