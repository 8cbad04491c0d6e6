package dev.waymark.aws.composition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.core.segment.DateTraitMarkers;
import dev.waymark.core.segment.SegmentEvaluator;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process function's composition: which listeners run after each event, in which order. */
class CompositionTest {

  @Test
  void accountLinksThenDateMarkersThenSegmentsThenJourneysAndNothingRegistersItself() {
    WaymarkServices core =
        new WaymarkServices(
            LocalDynamo.client(), WaymarkConfig.local(LocalDynamo.newTable()), Clock.systemUTC());
    JourneyServices journeys = new JourneyServices(core, JourneyConfig.from(Map.of()));
    EventProcessing processing = Composition.processing(core, journeys, 2);
    assertThat(processing.listeners())
        .hasSize(4)
        .satisfiesExactly(
            l -> assertThat(l).isSameAs(core.accountLinks()),
            l -> assertThat(l).isInstanceOf(DateTraitMarkers.class),
            l -> assertThat(l).isSameAs(core.segments().evaluator()),
            l -> assertThat(l).isSameAs(journeys.router()));
    assertThat(processing.listeners().get(3)).isInstanceOf(JourneyRouter.class);
    assertThat(processing.listeners().get(2)).isInstanceOf(SegmentEvaluator.class);
    // building the journey services added nothing to the segment listeners
    assertThat(core.segments().listeners()).hasSize(2);
  }
}
