package dev.waymark.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private final EventBatchValidator validator = new EventBatchValidator();

  private List<FieldError> errorsOf(String body) {
    try {
      validator.validate(body, NOW);
    } catch (ProblemException e) {
      return e.problem().errors();
    }
    throw new AssertionError("expected the batch to be refused: " + body);
  }

  @Test
  void acceptsAValidBatchAndDerivesIdentities() {
    List<InboundEvent> events =
        validator.validate(
            """
        {"batch":[{"type":"identify","messageId":"m1","anonymousId":"a1","userId":"U1",
                   "traits":{"email":" Sarah@Example.COM ","firstName":"Sarah"},
                   "identities":{"ecid":"E-1"},"timestamp":"2026-11-24T09:00:00+01:00"}]}
        """,
            NOW);
    assertThat(events).hasSize(1);
    InboundEvent event = events.get(0);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(event.identities())
        .containsExactlyInAnyOrder(
            Identity.of(IdentityNamespace.USER_ID, "U1"),
            Identity.of(IdentityNamespace.ANONYMOUS_ID, "a1"),
            Identity.of(IdentityNamespace.ECID, "E-1"),
            new Identity(IdentityNamespace.EMAIL, "sarah@example.com"));
  }

  @Test
  void missingTimestampMeansReceivedAt() {
    InboundEvent event =
        validator
            .validate(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"anonymousId\":\"a\"}]}", NOW)
            .get(0);
    assertThat(event.timestamp()).isEqualTo(NOW);
    assertThat(event.name()).isEqualTo("Page View");
  }

  @Test
  void malformedJsonNamesTheBody() {
    assertThat(errorsOf("{\"batch\":["))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .startsWith("malformed JSON: the body ends before the JSON value is complete")
                    .contains("line 1"));
  }

  @Test
  void unknownTypeIsNamed() {
    assertThat(errorsOf("{\"batch\":[{\"type\":\"signup\",\"messageId\":\"m\",\"userId\":\"u\"}]}"))
        .extracting(FieldError::field)
        .contains("/batch/0/type");
  }

  @Test
  void missingMessageIdIsNamed() {
    assertThat(errorsOf("{\"batch\":[{\"type\":\"page\",\"userId\":\"u\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/messageId");
  }

  @Test
  void trackNeedsAnEventName() {
    assertThat(errorsOf("{\"batch\":[{\"type\":\"track\",\"messageId\":\"m\",\"userId\":\"u\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/event");
  }

  @Test
  void wrongTypesAreNamed() {
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"track\",\"event\":\"X\",\"messageId\":7,\"userId\":\"u\",\"properties\":[]}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/messageId", "/batch/0/properties");
  }

  @Test
  void anEventNeedsAnIdentity() {
    assertThat(errorsOf("{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/userId");
  }

  @Test
  void unknownIdentityNamespaceIsNamed() {
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"identities\":{\"ssn\":\"1\"}}]}"))
        .extracting(FieldError::field)
        .allMatch(f -> f.startsWith("/batch/0/identities"));
  }

  @Test
  void badTimestampsAreNamed() {
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"yesterday\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/timestamp");
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"2026-11-24T10:00:00\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/timestamp");
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"2030-01-01T00:00:00Z\"}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/timestamp");
  }

  @Test
  void oversizedBatchIsRefusedAs413() {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 101; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"type\":\"page\",\"messageId\":\"m")
          .append(i)
          .append("\",\"userId\":\"u\"}");
    }
    assertThat(errorsOf(body + "]}")).extracting(FieldError::field).containsExactly("/batch");
    String huge =
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"properties\":{\"x\":\""
            + "y".repeat(EventBatchValidator.MAX_BATCH_BYTES)
            + "\"}}]}";
    assertThatThrownBy(() -> validator.validate(huge, NOW))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
  }

  @Test
  void oversizedEventIsNamed() {
    String body =
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"properties\":{\"x\":\""
            + "y".repeat(EventBatchValidator.MAX_EVENT_BYTES)
            + "\"}}]}";
    assertThat(errorsOf(body)).extracting(FieldError::field).containsExactly("/batch/0");
  }

  @Test
  void emptyBatchAndMissingBatchAreNamed() {
    assertThat(errorsOf("{\"batch\":[]}")).extracting(FieldError::field).containsExactly("/batch");
    assertThat(errorsOf("{}")).extracting(FieldError::field).containsExactly("/batch");
    assertThat(errorsOf("[]")).extracting(FieldError::field).containsExactly("");
  }

  @Test
  void reservedNamesAndTheReservedContextKeyAreRefusedNamingTheEvent() {
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"track\",\"messageId\":\"a\",\"userId\":\"u\",\"event\":\"Viewed\"},"
                    + "{\"type\":\"track\",\"messageId\":\"b\",\"userId\":\"u\",\"event\":\"Segment Entered\","
                    + "\"context\":{\"waymark\":{\"internal\":true}}}]}"))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/batch/1/event",
                "\"Segment Entered\" is reserved: Waymark emits this event itself; use another name"),
            org.assertj.core.groups.Tuple.tuple(
                "/batch/1/context/waymark", "is reserved for events Waymark emits itself"));
  }

  @Test
  void aPageNamedLikeAReservedEventIsFineItIsAPageView() {
    assertThat(
            validator.validate(
                "{\"batch\":[{\"type\":\"page\",\"messageId\":\"a\",\"userId\":\"u\",\"name\":\"Message Opened\"}]}",
                NOW))
        .hasSize(1);
  }

  @Test
  void anUnpairedSurrogateAnywhereInTheEventIsNamedByPointer() {
    assertThat(
            errorsOf(
                "{\"batch\":[{\"type\":\"track\",\"messageId\":\"a\",\"userId\":\"u\",\"event\":\"V\","
                    + "\"properties\":{\"a/b\":[\"ok\",\"\\ud800\"]}}]}"))
        .extracting(FieldError::field)
        .containsExactly("/batch/0/properties/a~1b/1");
  }
}
