package dev.waymark.local.aws;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every message the local SES and SNS endpoints accepted, oldest first. */
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

  public Outbox(Clock clock) {
    this.clock = clock;
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
    messages.add(message);
    return message;
  }

  public List<Message> messages() {
    return new ArrayList<>(messages);
  }

  public java.util.Optional<Message> find(String id) {
    return messages.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
