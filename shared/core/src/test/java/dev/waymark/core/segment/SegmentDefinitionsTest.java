package dev.waymark.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.problem.FieldError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every file in segments/ must load: this is the build-time validation of the shipped definitions.
 */
class SegmentDefinitionsTest {
  static final Path SEGMENTS = Path.of("../../segments");

  @Test
  void everyShippedSegmentAndScheduleIsValid() {
    SegmentFiles.Loaded loaded = SegmentFiles.load(SEGMENTS);
    assertThat(loaded.catalog().all())
        .extracting(SegmentDefinition::id)
        .contains(
            "interested-in-ev-model",
            "lease-ends-within-90-days",
            "app-installed",
            "payment-overdue",
            "inactive-60-days");
    assertThat(loaded.schedules())
        .extracting(AudienceSchedule::id)
        .contains("payment-reminder-weekly");
    // dependency order: a segment after the segments it reads
    assertThat(loaded.catalog().all())
        .extracting(SegmentDefinition::id)
        .containsSubsequence("interested-in-ev-model", "ev-prospects-lease-ending");
  }

  @Test
  void anInvalidDefinitionNamesEachBadField() {
    assertThatThrownBy(
            () ->
                SegmentYaml.parse(
                    """
        id: Bad Id
        colour: red
        rule:
          all:
            - trait: leaseEnd
              withinNextDays: soon
            - event: Login
              within: 30 days
            - reachable: pigeon
            - frobnicate: 1
        """,
                    "bad.yaml"))
        .isInstanceOf(SegmentDefinitionException.class)
        .extracting(SegmentDefinitionsTest::fields)
        .asList()
        .containsExactlyInAnyOrder(
            "/colour",
            "/id",
            "/rule/all/0/withinNextDays",
            "/rule/all/1/within",
            "/rule/all/2/reachable",
            "/rule/all/3");
  }

  @Test
  void windowsMustBeLongerThanZero() {
    assertThatThrownBy(
            () ->
                SegmentYaml.parse(
                    """
        id: windows
        name: Windows
        rule:
          all:
            - { event: Login, within: P-1D }
            - { event: Login, within: PT0S }
            - { event: Login, within: P1M-1D }
            - engaged: { action: opened, within: P-7D }
            - { event: Login, lastPerformed: { before: P-60D } }
            - { event: Login, within: P1D }
        """,
                    "windows.yaml"))
        .isInstanceOf(SegmentDefinitionException.class)
        .extracting(SegmentDefinitionsTest::fields)
        .asList()
        .containsExactlyInAnyOrder(
            "/rule/all/0/within",
            "/rule/all/1/within",
            "/rule/all/2/within",
            "/rule/all/3/engaged/within",
            "/rule/all/4/lastPerformed/before");
  }

  @Test
  void unknownAndCircularSegmentReferencesAreRefused() {
    SegmentDefinition a = SegmentYaml.parse("id: a\nrule: { inSegment: b }", "a");
    SegmentDefinition b = SegmentYaml.parse("id: b\nrule: { inSegment: a }", "b");
    SegmentDefinition c = SegmentYaml.parse("id: c\nrule: { inSegment: nowhere }", "c");
    assertThatThrownBy(() -> new SegmentCatalog(java.util.List.of(a, b)))
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> new SegmentCatalog(java.util.List.of(c)))
        .hasMessageContaining("nowhere");
  }

  @Test
  void audienceScheduleOccursAtTheHourInTheRecipientsZone() {
    AudienceSchedule monday9 =
        new AudienceSchedule(
            "s",
            "seg",
            "j",
            java.time.DayOfWeek.MONDAY,
            java.time.LocalTime.of(9, 0),
            java.util.Optional.empty());
    java.time.Instant hour = java.time.Instant.parse("2026-11-23T08:00:00Z"); // a Monday
    assertThat(monday9.occurrence(hour, java.time.ZoneId.of("Europe/Warsaw")))
        .contains("s:2026-11-23");
    assertThat(monday9.occurrence(hour, java.time.ZoneOffset.UTC)).isEmpty();
    assertThat(
            monday9.occurrence(
                java.time.Instant.parse("2026-11-23T09:00:00Z"), java.time.ZoneOffset.UTC))
        .contains("s:2026-11-23");
  }

  private static java.util.List<String> fields(Throwable e) {
    return ((SegmentDefinitionException) e).problems().stream().map(FieldError::field).toList();
  }
}
