package dev.waymark.aws;

import dev.waymark.aws.config.AwsClients;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.deadletter.DynamoDeadLetterStore;
import dev.waymark.aws.dynamo.DynamoAccountStore;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.aws.dynamo.DynamoProfileRecords;
import dev.waymark.aws.dynamo.DynamoProfileStore;
import dev.waymark.aws.dynamo.DynamoWriteKeyStore;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.aws.segment.SegmentServices;
import dev.waymark.aws.send.DynamoMessageHistory;
import dev.waymark.core.access.WriteKeys;
import dev.waymark.core.account.AccountLinks;
import dev.waymark.core.account.AccountStore;
import dev.waymark.core.deadletter.DeadLetters;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.ingest.IngestService;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.SegmentFiles;
import dev.waymark.core.send.MessageHistory;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The core services wired to their DynamoDB adapters, each adapter built once. Built once per
 * Lambda environment (at init, see {@code Composition}) or once per local runtime; no reflection,
 * no container, and no listener list: {@code Composition} states which listeners run.
 */
public final class WaymarkServices {
  private final DynamoDbClient dynamo;
  private final WaymarkConfig config;
  private final Clock clock;
  private final ProfileService profiles;
  private final ProfileRecords records;
  private final EventInbox inbox;
  private final Lazy<IngestService> ingest;
  private final WriteKeys writeKeys;
  private final AccountStore accounts;
  private final AccountLinks accountLinks;
  private final Lazy<SegmentServices> segments;
  private final DeadLetters deadLetters;

  /** How long dead letters, their failure notes and timeline marks are kept. */
  public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

  public WaymarkServices(DynamoDbClient dynamo, WaymarkConfig config, Clock clock) {
    this.dynamo = dynamo;
    this.config = config;
    this.clock = clock;
    DynamoSegmentMemberships memberships =
        new DynamoSegmentMemberships(dynamo, config.table(), config.dedupWindow(), clock);
    DynamoProfileStore store =
        new DynamoProfileStore(dynamo, config.table(), clock, config.eventRetention(), memberships);
    this.profiles = new ProfileService(store, clock);
    this.records = new DynamoProfileRecords(dynamo, config.table(), store, memberships, clock);
    this.inbox = new DynamoEventInbox(dynamo, config.table(), config.dedupWindow());
    // built on first use (or at SnapStart priming): only ingest compiles the event schema, and
    // only the functions that use segments parse their definitions
    // (docs/performance.md#cold-starts)
    this.ingest = Lazy.of(() -> new IngestService(new EventBatchValidator(), inbox, clock));
    this.writeKeys = new WriteKeys(new DynamoWriteKeyStore(dynamo, config.table(), clock));
    this.accounts = new DynamoAccountStore(dynamo, config.table());
    this.accountLinks = new AccountLinks(accounts, profiles);
    this.segments =
        Lazy.of(
            () ->
                new SegmentServices(
                    dynamo,
                    config.table(),
                    memberships,
                    clock,
                    profiles,
                    records,
                    accounts,
                    inbox,
                    SegmentFiles.fromClasspath()));
    this.deadLetters =
        new DeadLetters(
            new DynamoDeadLetterStore(dynamo, config.table(), DEAD_LETTER_RETENTION),
            inbox,
            profiles,
            clock);
  }

  /** What a Lambda function builds at init from its environment. */
  public static WaymarkServices fromEnvironment() {
    WaymarkConfig config = WaymarkConfig.fromEnvironment();
    return new WaymarkServices(AwsClients.dynamoDb(config), config, Clock.systemUTC());
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public WaymarkConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public ProfileService profiles() {
    return profiles;
  }

  /** The message log across people, by day ({@code GET /v1/messages}). */
  public MessageHistory messageHistory() {
    return new DynamoMessageHistory(dynamo, config.table());
  }

  public ProfileRecords records() {
    return records;
  }

  /**
   * The inbox internal events (feedback, segment changes, scheduled entries) enter the pipeline
   * through.
   */
  public EventInbox inbox() {
    return inbox;
  }

  public IngestService ingest() {
    return ingest.get();
  }

  public WriteKeys writeKeys() {
    return writeKeys;
  }

  /** Accounts (group calls) and the links from people to them. */
  public AccountStore accounts() {
    return accounts;
  }

  /** The listener that applies a group call to its account and links the person. */
  public AccountLinks accountLinks() {
    return accountLinks;
  }

  /** Segments: definitions, memberships, the date index, due checks, audience schedules. */
  public SegmentServices segments() {
    return segments.get();
  }

  /** Dead letters: failure notes, the letters, their replays (see docs/reliability.md). */
  public DeadLetters deadLetters() {
    return deadLetters;
  }
}
