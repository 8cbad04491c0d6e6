package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.journey.JourneyState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router's catalog, read from the table: what it holds, and how long it keeps it. */
class DynamoJourneyCatalogIT {
  final PublishingFixture f;

  DynamoJourneyCatalogIT() throws Exception {
    f = new PublishingFixture();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void holdsPublishedJourneysWithTheirStateVersionAndAlias() {
    f.publisher.saveDraft("test-drive", PublishingFixture.document("test-drive", "first"));
    assertThat(f.catalog.journeys()).isEmpty();
    assertThat(f.catalog.state("test-drive")).isEqualTo(JourneyState.archived);

    f.publisher.publish("test-drive");
    f.publisher.pause("test-drive");

    assertThat(f.catalog.find("test-drive").orElseThrow().version()).isEqualTo("1");
    assertThat(f.catalog.state("test-drive")).isEqualTo(JourneyState.paused);
    assertThat(f.catalog.stateMachineArn("test-drive"))
        .isEqualTo(f.publisher.get("test-drive").aliasArn())
        .endsWith(":waymark-test-drive:live");
  }

  @Test
  void aCachedCatalogKeepsWhatItReadUntilItsTimeIsUp() {
    f.publisher.saveDraft("test-drive", PublishingFixture.document("test-drive", "first"));
    f.publisher.publish("test-drive");
    DynamoJourneyCatalog cached =
        new DynamoJourneyCatalog(f.records, PublishingFixture.COMPILATION, Duration.ofHours(1));
    assertThat(cached.state("test-drive")).isEqualTo(JourneyState.live);

    f.publisher.pause("test-drive");

    assertThat(cached.state("test-drive")).isEqualTo(JourneyState.live);
    assertThat(f.catalog.state("test-drive")).isEqualTo(JourneyState.paused);
  }
}
