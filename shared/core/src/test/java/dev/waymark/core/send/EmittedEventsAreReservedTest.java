package dev.waymark.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.InternalEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every event Waymark emits into the inbox carries a name ingest refuses from senders. */
class EmittedEventsAreReservedTest {
  static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

  @Test
  void everyEmitterUsesAReservedName() {
    Profile sarah =
        Profile.create("p-1", List.of(Identity.of(IdentityNamespace.USER_ID, "sarah")), AT);
    List<InboundEvent> emitted = new ArrayList<>();
    LocalDate leaseEnd = LocalDate.parse("2027-02-21");
    emitted.add(
        InternalEvents.dateTraitReached(
            sarah, new DateTrigger("leaseEnd", -90, false), leaseEnd, leaseEnd.minusDays(90), AT));
    emitted.add(InternalEvents.audienceScheduleFired(sarah, "j", "s", "k", AT));
    emitted.add(InternalEvents.journeyEntryRequested(sarah, "j", "r", AT));
    FeedbackService feedback =
        new FeedbackService(new NoLog(), new NoSuppressions(), new ListInbox(emitted));
    for (FeedbackService.Kind kind :
        List.of(FeedbackService.Kind.OPEN, FeedbackService.Kind.CLICK)) {
      feedback.handle(
          new FeedbackService.Feedback(
              kind, "ses-1", Channel.email, "sarah@example.com", false, Map.of(), "https://x", AT));
    }
    for (FeedbackService.Kind kind :
        List.of(
            FeedbackService.Kind.DELIVERY,
            FeedbackService.Kind.FAILURE,
            FeedbackService.Kind.OPTED_OUT)) {
      feedback.handle(
          new FeedbackService.Feedback(
              kind, "sns-1", Channel.sms, "+48608123456", false, Map.of(), null, AT));
    }
    assertThat(emitted).hasSize(8);
    assertThat(emitted.subList(5, 8))
        .as("delivery reports are not the person's activity")
        .allMatch(InternalEvents::isInternal)
        .extracting(InboundEvent::eventName)
        .containsExactly(
            ReservedEvents.MESSAGE_DELIVERED,
            ReservedEvents.MESSAGE_FAILED,
            ReservedEvents.MESSAGE_FAILED);
    assertThat(emitted)
        .allSatisfy(
            e -> assertThat(ReservedEvents.reserved(e.eventName())).as(e.eventName()).isTrue());
    assertThat(ReservedEvents.NAMES)
        .contains(InternalEvents.SEGMENT_ENTERED, InternalEvents.SEGMENT_EXITED);
  }

  /** An inbox that keeps what it is given, in order. */
  record ListInbox(List<InboundEvent> accepted) implements dev.waymark.core.event.EventInbox {
    @Override
    public boolean accept(InboundEvent event, String source) {
      return accepted.add(event);
    }

    @Override
    public java.util.Optional<InboundEvent> stored(String messageId) {
      return accepted.stream().filter(e -> e.messageId().equals(messageId)).findFirst();
    }
  }

  record NoLog() implements MessageLog {
    @Override
    public void record(String profileId, Instant at, SendRequest request, SendOutcome outcome) {}

    @Override
    public boolean updateStatus(String providerMessageId, String status, Instant at) {
      return true;
    }

    @Override
    public Set<String> feedback(String profileId, String runId, String stepId) {
      return Set.of();
    }

    @Override
    public java.util.Optional<Sent> sent(String providerMessageId) {
      return java.util.Optional.of(new Sent("p-1", "j", "r", "s", "sms", "t"));
    }
  }

  record NoSuppressions() implements Suppressions {
    @Override
    public boolean suppressed(Channel channel, String address) {
      return false;
    }

    @Override
    public void suppress(Channel channel, String address, String reason) {}
  }
}
