package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.DynamoProfileDirectory;
import dev.waymark.core.account.AccountStore;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.journey.language.References;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.AudienceScheduleRun;
import dev.waymark.core.segment.DateMarkers;
import dev.waymark.core.segment.DateTraitMarkers;
import dev.waymark.core.segment.DueSegmentChecks;
import dev.waymark.core.segment.InboxJourneyEntryRequests;
import dev.waymark.core.segment.SegmentCatalog;
import dev.waymark.core.segment.SegmentDefinition;
import dev.waymark.core.segment.SegmentDueChecks;
import dev.waymark.core.segment.SegmentEvaluator;
import dev.waymark.core.segment.SegmentFiles;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentMemberships;
import dev.waymark.core.segment.SegmentPreview;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The segment side of the composition root: the definitions packaged with the function ({@code
 * segments/}), their DynamoDB adapters, the streaming evaluator and date-marker listeners, the date
 * index the date triggers query, the hourly due-check sweep and the audience schedules.
 */
public final class SegmentServices {
  private final SegmentFiles.Loaded definitions;
  private final SegmentMemberships memberships;
  private final SegmentEvaluator evaluator;
  private final DateTraitMarkers dateTraitMarkers;
  private final DateMarkers dateMarkers;
  private final DueSegmentChecks dueChecks;
  private final AudienceScheduleRun audienceSchedules;
  private final SegmentPreview preview;
  private final ProfileService profiles;
  private final Clock clock;

  public SegmentServices(
      DynamoDbClient dynamo,
      String table,
      DynamoSegmentMemberships memberships,
      Clock clock,
      ProfileService profiles,
      ProfileRecords records,
      AccountStore accounts,
      EventInbox inbox,
      SegmentFiles.Loaded definitions) {
    this.definitions = definitions;
    this.profiles = profiles;
    this.clock = clock;
    this.memberships = memberships;
    SegmentDueChecks due = new DynamoSegmentDueChecks(dynamo, table);
    DateMarkers markers = new DynamoDateMarkers(dynamo, table);
    this.audienceSchedules =
        new AudienceScheduleRun(
            definitions.schedules(),
            memberships,
            profiles,
            new InboxJourneyEntryRequests(inbox, profiles, clock),
            new DynamoAudienceDueEntries(dynamo, table));
    this.evaluator =
        new SegmentEvaluator(
            definitions.catalog(), memberships, due, records, accounts, clock, audienceSchedules);
    this.dateMarkers = markers;
    this.dateTraitMarkers = new DateTraitMarkers(markers);
    this.dueChecks = new DueSegmentChecks(due, profiles, evaluator);
    this.preview = new SegmentPreview(new DynamoProfileDirectory(dynamo, table), evaluator, clock);
  }

  /**
   * The segment listeners to run after each processed event, in this order: the date-trait markers
   * (so the date triggers see the newest dates), then the segment evaluator.
   */
  public List<ProcessedEventListener> listeners() {
    return List.of(dateTraitMarkers, evaluator);
  }

  public SegmentCatalog catalog() {
    return definitions.catalog();
  }

  /** The segments and audience schedules that exist, which journeys may name. */
  public References references() {
    return References.of(
        definitions.catalog().all().stream()
            .map(SegmentDefinition::id)
            .collect(java.util.stream.Collectors.toSet()),
        definitions.schedules());
  }

  public SegmentMemberships memberships() {
    return memberships;
  }

  /** True when the person is in the segment now (journeys' audience check). */
  public boolean isMember(String profileId, String segmentId) {
    SegmentMembership m = memberships.of(profileId).get(segmentId);
    return m != null && m.member();
  }

  public SegmentEvaluator evaluator() {
    return evaluator;
  }

  /** The listener that keeps the date index current (and backfills it on an upgrade). */
  public DateTraitMarkers dateTraitMarkers() {
    return dateTraitMarkers;
  }

  /** The date index the date triggers query (DateTriggerFunction builds its run on it). */
  public DateMarkers dateMarkers() {
    return dateMarkers;
  }

  public DueSegmentChecks dueChecks() {
    return dueChecks;
  }

  public AudienceScheduleRun audienceSchedules() {
    return audienceSchedules;
  }

  public SegmentPreview preview() {
    return preview;
  }

  public ProfileService profiles() {
    return profiles;
  }

  public Clock clock() {
    return clock;
  }
}
