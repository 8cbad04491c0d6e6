package dev.waymark.aws.dynamo;

import dev.waymark.core.identity.Identity;
import java.time.Instant;

/** Every key of the one Waymark table, in one place (see docs/data-model.md). */
public final class Keys {
  /** The table's partition and sort key attributes. */
  public static final String PK = "PK";

  public static final String SK = "SK";

  /** The DateIndex's key attributes. */
  public static final String GSI1PK = "GSI1PK";

  public static final String GSI1SK = "GSI1SK";

  /**
   * The LiveProfileIndex (sparse, sharded; docs/data-model.md): a live profile item carries {@code
   * LPSHARD = L#<nn>} (one of {@link #LIVE_SHARDS}, from the profile id) and {@code LPID = <profile
   * id>}; merged-away and erased profiles carry neither, so the index lists live profiles only and
   * the segment preview queries it instead of scanning the table.
   */
  public static final String LIVE_PROFILE_INDEX = "LiveProfileIndex";

  public static final String LPSHARD = "LPSHARD";
  public static final String LPID = "LPID";
  public static final int LIVE_SHARDS = 16;

  /** The LiveProfileIndex partition of a profile id. */
  public static String liveShard(String profileId) {
    return liveShard(Math.floorMod(profileId.hashCode(), LIVE_SHARDS));
  }

  public static String liveShard(int shard) {
    return String.format("L#%02d", shard);
  }

  private static final String PROFILE_PREFIX = "P#";
  public static final String PROFILE_SK = "PROFILE";
  public static final String IDENTITY_SK = "ID";
  public static final String INBOX_SK = "EVENT";
  public static final String WRITE_KEY_SK = "WRITEKEY";
  public static final String SEND_LEDGER_SK = "S";
  public static final String PROVIDER_MESSAGE_SK = "MSG";
  public static final String ERASURE_AUDIT_PK = "AUDIT#erasure";
  public static final String EVENT_PREFIX = "E#";
  public static final String MESSAGE_PREFIX = "M#";
  public static final String MEMBERSHIP_PREFIX = "J#";
  public static final String RUN_PREFIX = "R#";
  public static final String WAIT_PREFIX = "W#";

  /** A person's wait marker ({@link WaitMarkers}). */
  public static final String WAITS_SK = "WAITS";

  public static final String TRACE_PREFIX = "T#";
  public static final String COUNTER_PREFIX = "C#";
  public static final String VERSION_PREFIX = "V#";

  private Keys() {}

  public static String profile(String profileId) {
    return PROFILE_PREFIX + profileId;
  }

  /** The profile id of a {@code P#<id>} key. */
  public static String profileIdOf(String profileKey) {
    return idAfter(PROFILE_PREFIX, profileKey, "profile");
  }

  private static String idAfter(String prefix, String key, String kind) {
    if (!key.startsWith(prefix)) {
      throw new IllegalArgumentException("not a " + kind + " key");
    }
    return key.substring(prefix.length());
  }

  /** An erasure's audit item's sort key (under {@link #ERASURE_AUDIT_PK}). */
  public static String erasureAudit(Instant erasedAt, String erasureId) {
    return erasedAt + "#" + erasureId;
  }

  public static String identity(Identity identity) {
    return "I#" + identity.key();
  }

  public static String inbox(String messageId) {
    return "EV#" + messageId;
  }

  public static String event(Instant timestamp, String messageId) {
    return EVENT_PREFIX + timestamp + "#" + messageId;
  }

  // --- dead letters (see docs/reliability.md) --------------------------------------------------
  /** A replay request of an inbox event: {@code EV#<messageId>} / {@code REPLAY#<n>}. */
  public static final String REPLAY_PREFIX = "REPLAY#";

  /** The failed processing attempts of an inbox event: {@code EV#<messageId>} / {@code FAILURE}. */
  public static final String FAILURE_NOTE_SK = "FAILURE";

  /** The partition listing dead letters, sort key the messageId. */
  public static final String DEAD_LETTERS_PK = "DEADLETTERS";

  public static String replay(int n) {
    return REPLAY_PREFIX + String.format("%04d", n);
  }

  /** The messageId of an {@code EV#<messageId>} key. */
  public static String messageIdOf(String inboxKey) {
    return idAfter("EV#", inboxKey, "inbox");
  }

  /**
   * An event's failed-to-process mark on a timeline: {@code P#<id>} / {@code
   * E#<timestamp>#<messageId>#failed}, beside where the event itself goes once processed.
   */
  public static String failedEvent(Instant timestamp, String messageId) {
    return event(timestamp, messageId) + "#failed";
  }

  public static String membership(String journeyId) {
    return MEMBERSHIP_PREFIX + journeyId;
  }

  public static String run(String runId) {
    return RUN_PREFIX + runId;
  }

  public static String waitPrefix(String eventName) {
    return WAIT_PREFIX + eventName + "#";
  }

  public static String waitFor(String eventName, String runId, String stepId) {
    return waitPrefix(eventName) + runId + "#" + stepId;
  }

  public static String trace(String key) {
    return TRACE_PREFIX + key;
  }

  public static String journeyCounters(String journeyId, String version) {
    return "J#" + journeyId + "#" + version;
  }

  public static String journeyVersions(String journeyId) {
    return "JV#" + journeyId;
  }

  public static String version(String version) {
    return VERSION_PREFIX + version;
  }

  public static String counter(String metric, int shard) {
    return COUNTER_PREFIX + metric + "#" + shard;
  }

  public static String sendLedger(String runId, String stepId) {
    return "S#" + runId + "#" + stepId;
  }

  /**
   * A journey task step's ledger ({@code ST#<runId>#<stepId>} / {@code STEP}): once per (run,
   * step).
   */
  public static String stepLedger(String runId, String stepId) {
    return "ST#" + runId + "#" + stepId;
  }

  public static final String STEP_LEDGER_SK = "STEP";

  public static String dailyCap(String channel, String localDay) {
    return "CAP#" + channel + "#" + localDay;
  }

  public static String suppression(String channel, String addressHash) {
    return "SUP#" + channel + "#" + addressHash;
  }

  public static String message(Instant at, String id) {
    return MESSAGE_PREFIX + at + "#" + id;
  }

  /** How many DateIndex partitions a day's message log is spread over (by person). */
  public static final int MESSAGE_DAY_SHARDS = 8;

  /**
   * DateIndex partition key ({@code GSI1PK}) of the message log of one UTC day and shard: {@code
   * ML#<yyyy-mm-dd>#<shard>}, the shard from the person, so that a busy day is not one hot key.
   */
  public static String messageDay(java.time.LocalDate day, int shard) {
    return "ML#" + day + "#" + shard;
  }

  /** The message-log shard of a person. */
  public static int messageShard(String profileId) {
    return Math.floorMod(profileId.hashCode(), MESSAGE_DAY_SHARDS);
  }

  public static String providerMessage(String providerMessageId) {
    return "MSG#" + providerMessageId;
  }

  public static String writeKey(String sha256Hex) {
    return "K#" + sha256Hex;
  }

  // --- accounts (group calls) -----------------------------------------------------------------
  public static final String ACCOUNT_PREFIX = "A#";
  public static final String ACCOUNT_SK = "ACCOUNT";

  /** An account's partition: {@code A#<groupId>} (its item's sort key is {@link #ACCOUNT_SK}). */
  public static String account(String accountId) {
    return ACCOUNT_PREFIX + accountId;
  }

  /** A person's link to an account: {@code P#<id>} / {@code A#<groupId>}. */
  public static String accountLink(String accountId) {
    return ACCOUNT_PREFIX + accountId;
  }

  /** The account id of an {@code A#<groupId>} key. */
  public static String accountIdOf(String accountKey) {
    return idAfter(ACCOUNT_PREFIX, accountKey, "account");
  }

  // --- segments and date markers (see docs/segments.md) ---------------------------------------
  public static final String SEGMENT_PREFIX = "SEG#";

  /** A person's membership of a segment: {@code P#<id>} / {@code SEG#<segmentId>}. */
  public static String segmentMembership(String segmentId) {
    return SEGMENT_PREFIX + segmentId;
  }

  /** One shard of a segment's member index: {@code SEGM#<segmentId>#<shard>} / {@code P#<id>}. */
  public static String segmentMembers(String segmentId, int shard) {
    return "SEGM#" + segmentId + "#" + String.format("%02d", shard);
  }

  /**
   * A segment's daily size changes, one partition per counter shard: {@code
   * SEGD#<segmentId>#<shard>} / {@code <yyyy-mm-dd>} (the UTC day), {@code delta} the net entries
   * minus exits of that day on that shard.
   */
  public static String segmentDays(String segmentId, int shard) {
    return "SEGD#" + segmentId + "#" + String.format("%02d", shard);
  }

  /** A segment's size counter shards: {@code SEGC#<segmentId>} / {@code <shard>}. */
  public static String segmentCounter(String segmentId) {
    return "SEGC#" + segmentId;
  }

  /**
   * The hour bucket of segment re-checks, {@code DUE#<yyyy-mm-ddTHH>} / {@code
   * <profileId>#<segmentId>}: the hour by which a check is due (its due time rounded up to the
   * hour), so the sweep at HH:00 reads one bucket.
   */
  public static String dueBucket(Instant dueAt) {
    Instant hour = dueAt.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    return "DUE#"
        + (hour.equals(dueAt) ? hour : hour.plusSeconds(3600)).toString().substring(0, 13);
  }

  public static String dueCheck(String profileId, String segmentId) {
    return profileId + "#" + segmentId;
  }

  /**
   * A person's date-trait marker: {@code P#<id>} / {@code D#<trait>}, indexed by {@link
   * #dateIndex}.
   */
  public static String dateMarker(String trait) {
    return "D#" + trait;
  }

  /**
   * DateIndex partition key ({@code GSI1PK}) of a date trait's day: {@code D#<trait>#<yyyy-mm-dd>}.
   */
  public static String dateIndex(String trait, java.time.LocalDate date) {
    return "D#" + trait + "#" + date;
  }

  /**
   * A person's anniversary marker: {@code P#<id>} / {@code DA#<trait>}, indexed by {@link
   * #anniversaryIndex}.
   */
  public static String anniversaryMarker(String trait) {
    return "DA#" + trait;
  }

  /** DateIndex partition key of a date trait's anniversary: {@code DA#<trait>#--<mm>-<dd>}. */
  public static String anniversaryIndex(String trait, java.time.MonthDay day) {
    return "DA#" + trait + "#" + day;
  }

  /**
   * The days date markers were written for ({@code DATEDAYS#<trait>}, sort key the date, or {@code
   * --mm-dd} under {@code DATEDAYS#<trait>#yearly}): the local scheduler's hint.
   */
  public static String markedDays(String trait, boolean yearly) {
    return "DATEDAYS#" + trait + (yearly ? "#yearly" : "");
  }

  // --- journeys as data (see docs/data-model.md#journeys-as-data)
  // ---------------------------------
  public static final String JOURNEY_SK = "JOURNEY";

  /** The partition listing every journey (one item per journey, sort key {@link #journey}). */
  public static final String JOURNEY_DIRECTORY_PK = "JOURNEYS";

  public static final String JOURNEY_PREFIX = "JD#";
  public static final String JOURNEY_VERSION_PREFIX = "V#";
  public static final String RUNNING_RUN_PREFIX = "RUN#";

  /**
   * A journey's partition: {@code JD#<journeyId>}, holding its record ({@link #JOURNEY_SK}), its
   * versions ({@link #journeyVersion}) and its running runs ({@link #runningRun}); also the sort
   * key of its entry in {@link #JOURNEY_DIRECTORY_PK}.
   */
  public static String journey(String journeyId) {
    return JOURNEY_PREFIX + journeyId;
  }

  /** The journey id of a {@code JD#<id>} key. */
  public static String journeyIdOf(String journeyKey) {
    return idAfter(JOURNEY_PREFIX, journeyKey, "journey");
  }

  /** A published version: {@code V#<n>}, zero-padded to 6 digits so versions sort. */
  public static String journeyVersion(int version) {
    return versionNumber(version);
  }

  /** A run running on an execution, under its journey: {@code RUN#<runId>}. */
  public static String runningRun(String runId) {
    return RUNNING_RUN_PREFIX + runId;
  }

  // --- templates and settings (see docs/templates.md) ------------------------------------------
  public static final String TEMPLATE_SK = "TEMPLATE";
  public static final String TEMPLATE_CATALOG_PK = "TEMPLATES";
  public static final String SETTINGS_PK = "SETTINGS";
  public static final String TEST_RECIPIENTS_SK = "TEST_RECIPIENTS";
  public static final String TEST_SEND_PREFIX = "TEST#";

  /**
   * A template's partition: {@code TPL#<templateId>}; its latest pointer has sort key {@link
   * #TEMPLATE_SK}, each version {@link #versionNumber}.
   */
  public static String template(String templateId) {
    return "TPL#" + templateId;
  }

  /** A numbered version's sort key, zero-padded so versions sort: {@code V#000001}. */
  public static String versionNumber(int version) {
    return VERSION_PREFIX + String.format("%06d", version);
  }

  public static final String LAYOUT_SK = "LAYOUT";
  public static final String LAYOUT_CATALOG_PK = "LAYOUTS";

  /**
   * A shared layout's partition: {@code LAY#<layoutId>}; its latest pointer has sort key {@link
   * #LAYOUT_SK}, each version {@link #versionNumber}.
   */
  public static String layout(String layoutId) {
    return "LAY#" + layoutId;
  }

  /** A test message of a template: {@code TPL#<id>} / {@code TEST#<at>#<providerMessageId>}. */
  public static String testSend(Instant at, String providerMessageId) {
    return TEST_SEND_PREFIX + at + "#" + providerMessageId;
  }
}
