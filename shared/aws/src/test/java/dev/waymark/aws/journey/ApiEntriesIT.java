package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.publish.ApiEntries;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ProcessOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/journeys/{id}/entries}, below the handler: the request becomes a {@code Journey
 * Entry Requested} event in the inbox, and processing that event enters the person on the live
 * version like any entry event.
 */
class ApiEntriesIT {
  final PublishingFixture f;
  final WaymarkServices core;
  final ApiEntries entries;

  ApiEntriesIT() throws Exception {
    f = new PublishingFixture();
    core =
        new WaymarkServices(
            LocalDynamo.client(), WaymarkConfig.local(f.records.table()), PublishingFixture.CLOCK);
    entries = new ApiEntries(f.publisher, core.profiles(), core.inbox(), PublishingFixture.CLOCK);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void anEntryRequestIsAnInboxEventThatEntersThePersonOnTheLiveVersion() {
    ObjectNode document = PublishingFixture.document("callback", "called back");
    document.putObject("entry").put("api", true);
    f.publisher.saveDraft("callback", document);
    f.publisher.publish("callback");
    String sarah =
        core.profiles()
            .process(
                new InboundEvent(
                    Json.parseObject(
                        "{\"type\":\"identify\",\"messageId\":\"i1\",\"userId\":\"sarah\"}"),
                    PublishingFixture.CLOCK.instant()))
            .profileId();

    ApiEntries.Requested requested =
        entries.request("callback", Json.parse("{\"userId\":\"sarah\",\"requestId\":\"r-1\"}"));
    assertThat(requested.accepted()).isTrue();
    assertThat(requested.profileId()).isEqualTo(sarah);
    assertThat(
            entries
                .request("callback", Json.parse("{\"userId\":\"sarah\",\"requestId\":\"r-1\"}"))
                .accepted())
        .isFalse();

    InboundEvent event =
        DynamoEventInbox.eventOf(
            LocalDynamo.client()
                .getItem(
                    r ->
                        r.tableName(f.records.table())
                            .key(
                                Attr.key(
                                    Keys.inbox("api:callback:" + sarah + ":r-1"), Keys.INBOX_SK)))
                .item());
    ProcessOutcome outcome = core.profiles().process(event);
    f.router.onProcessed(outcome, event);

    assertThat(f.store.runs(sarah))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.journeyId()).isEqualTo("callback");
              assertThat(run.version()).isEqualTo("1");
              assertThat(run.status()).isEqualTo(JourneyRun.RunStatus.running);
              assertThat(run.executionArn()).contains("waymark-callback");
            });
  }

  @Test
  void nobodyWithThatIdentityIsA404() {
    ObjectNode document = PublishingFixture.document("callback", "called back");
    document.putObject("entry").put("api", true);
    f.publisher.saveDraft("callback", document);
    f.publisher.publish("callback");
    assertThatThrownBy(() -> entries.request("callback", Json.parse("{\"email\":\"x@y.z\"}")))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
  }
}
