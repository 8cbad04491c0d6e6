package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.References;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.segment.AudienceSchedule;
import dev.waymark.core.segment.SegmentDefinition;
import dev.waymark.core.segment.SegmentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build-time reference check: every shipped journey ({@code statemachines/<id>/journey.yaml})
 * names only segments and audience schedules that exist (templates are checked by {@link
 * ShippedDocumentsTest}), and every shipped audience schedule ({@code segments/schedules/}) names a
 * segment that exists and a shipped journey that enters on it.
 */
class ShippedReferencesTest {
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  static Map<String, JsonNode> shippedJourneys() throws IOException {
    Map<String, JsonNode> journeys = new TreeMap<>();
    try (var folders = Files.list(REPOSITORY.resolve("statemachines"))) {
      for (Path folder : folders.toList()) {
        Path file = folder.resolve("journey.yaml");
        if (Files.isRegularFile(file)) {
          JsonNode doc = JourneyDocuments.readYaml(Files.readString(file), file.toString());
          journeys.put(doc.path("id").asText(), doc);
        }
      }
    }
    return journeys;
  }

  static References shippedReferences(SegmentFiles.Loaded loaded) {
    return References.of(
        loaded.catalog().all().stream().map(SegmentDefinition::id).collect(Collectors.toSet()),
        loaded.schedules());
  }

  @Test
  void everyShippedJourneyAndScheduleNamesWhatExists() throws IOException {
    SegmentFiles.Loaded loaded = SegmentFiles.load(REPOSITORY.resolve("segments"));
    References references = shippedReferences(loaded);
    Map<String, JsonNode> journeys = shippedJourneys();
    List<String> problems = new ArrayList<>();
    journeys.forEach(
        (id, doc) ->
            references
                .ofJourney(doc)
                .forEach(
                    p -> problems.add("statemachines/" + id + p.field() + ": " + p.message())));
    for (AudienceSchedule schedule : loaded.schedules()) {
      for (FieldError p : references.ofSchedule(schedule, journeys)) {
        problems.add(
            "segments/schedules/" + schedule.id() + ".yaml" + p.field() + ": " + p.message());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(journeys).containsKeys("payment-overdue-weekly", "reactivation");
  }

  @Test
  void aScheduleNamingAMissingJourneyOrSegmentIsRefusedNamingTheField() throws IOException {
    SegmentFiles.Loaded loaded = SegmentFiles.load(REPOSITORY.resolve("segments"));
    References references = shippedReferences(loaded);
    AudienceSchedule shipped =
        loaded.schedules().stream()
            .filter(s -> s.id().equals("payment-reminder-weekly"))
            .findFirst()
            .orElseThrow();
    AudienceSchedule broken =
        new AudienceSchedule(
            shipped.id(),
            "no-such-segment",
            "payment-reminder",
            shipped.day(),
            shipped.at(),
            shipped.fixedZone());
    assertThat(references.ofSchedule(broken, shippedJourneys()))
        .extracting(FieldError::field)
        .containsExactly("/segment", "/journey");
    AudienceSchedule elsewhere =
        new AudienceSchedule(
            shipped.id(),
            shipped.segmentId(),
            "lease-renewal",
            shipped.day(),
            shipped.at(),
            shipped.fixedZone());
    assertThat(references.ofSchedule(elsewhere, shippedJourneys()))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("does not enter on this schedule"));
  }

  @Test
  void aJourneyNamingMissingSegmentsOrSchedulesGetsOneProblemPerField() {
    References references =
        References.of(
            Set.of("payment-overdue"),
            SegmentFiles.load(REPOSITORY.resolve("segments")).schedules());
    JsonNode doc =
        Json.parse(
            """
            {"id":"j","entry":{"segment":{"id":"gone","on":"entered"}},
             "audience":["payment-overdue","missing"],
             "steps":[{"id":"b","type":"branch","conditions":[{"segment":"nope","next":"x"}]}]}
            """);
    assertThat(references.ofJourney(doc))
        .extracting(FieldError::field)
        .containsExactly("/entry/segment/id", "/audience/1", "/steps/0/conditions/0/segment");
    JsonNode other =
        Json.parse("{\"id\":\"j\",\"entry\":{\"schedule\":\"payment-reminder-weekly\"}}");
    assertThat(references.ofJourney(other))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("/entry/schedule");
              assertThat(p.message()).contains("enters journey payment-overdue-weekly, not j");
            });
    JsonNode unknown = Json.parse("{\"id\":\"j\",\"entry\":{\"schedule\":\"fortnightly\"}}");
    assertThat(references.ofJourney(unknown))
        .extracting(FieldError::field)
        .containsExactly("/entry/schedule");
  }
}
