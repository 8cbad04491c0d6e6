package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.language.References;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.store.ConcurrentChangeException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Journeys as data: drafts are saved (validated by compiling them), published as state machine
 * versions behind the alias {@code live}, paused, resumed, stopped and archived. Every input error
 * is a 400 naming the field; a request the journey's state does not allow is a 409.
 */
public final class JourneyPublisher {
  /** The alias runs start on. */
  public static final String ALIAS = "live";

  /**
   * The largest journey document saved, in bytes of its JSON; its version item holds it with its
   * ASL, and DynamoDB items are at most 400 KB.
   */
  public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  /** The largest compiled ASL of a journey, in bytes. */
  public static final int MAX_ASL_BYTES = 256 * 1024;

  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
  private final JourneyCompilation compilation;
  private final JourneyRecords records;
  private final StateMachineRegistry machines;
  private final TemplateVersions templates;
  private final JourneyStopper stopper;
  private final Supplier<References> references;
  private final String roleArn;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** A publish's answer: the version now live, whether it is new, and the secret if just made. */
  public record Published(
      JourneyVersion version, boolean created, Optional<String> webhookSecret) {}

  public JourneyPublisher(
      JourneyCompilation compilation,
      JourneyRecords records,
      StateMachineRegistry machines,
      TemplateVersions templates,
      JourneyStopper stopper,
      Supplier<References> references,
      String roleArn,
      Clock clock) {
    this.compilation = compilation;
    this.records = records;
    this.machines = machines;
    this.templates = templates;
    this.stopper = stopper;
    this.references = references;
    this.roleArn = roleArn;
    this.clock = clock;
  }

  /** The state machine a journey's versions are published on. */
  public static String stateMachineName(String journeyId) {
    return "waymark-" + journeyId;
  }

  /** A journey id from a URL: 400 naming {@code id} unless it is one. */
  public static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ProblemException.invalidField("id", "lower-case letters, digits and dashes, 1 to 64");
    }
    return id;
  }

  /** Validates and saves a draft; the document's {@code id} must be the URL's. */
  public JourneyRecord saveDraft(String id, JsonNode document) {
    checkDraft(id, document);
    ObjectNode draft = ((ObjectNode) document).deepCopy();
    JourneyRecord current =
        records.find(id).orElseGet(() -> JourneyRecord.fresh(id, draft, clock.instant()));
    return save(current.withDraft(draft, clock.instant()));
  }

  /**
   * Every check {@link #saveDraft} makes (id, shape, size, compilation), saving nothing: the
   * console's errors as the user types ({@code PUT /v1/journeys/{id}?validateOnly=true}).
   */
  public void checkDraft(String id, JsonNode document) {
    checkId(id);
    if (document == null || !document.isObject()) {
      throw ProblemException.invalidField("/", "a journey document (a JSON object)");
    }
    if (!id.equals(document.path("id").asText(null))) {
      throw ProblemException.invalidField("/id", "must be the journey id of the URL, " + id);
    }
    if (bytes(Json.write(document)) > MAX_DOCUMENT_BYTES) {
      throw new ProblemException(
          Problem.tooLarge("/", "the document is larger than " + MAX_DOCUMENT_BYTES + " bytes"));
    }
    if (bytes(compilation.compile(document, Map.of()).asl()) > MAX_ASL_BYTES) {
      throw new ProblemException(
          Problem.tooLarge(
              "/steps",
              "the steps compile to more than "
                  + MAX_ASL_BYTES
                  + " bytes of state machine; split the journey"));
    }
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Compiles the draft and makes it the live version; a draft equal to the live version (same
   * document, same ASL) answers that version without making a new one. A draft naming a segment or
   * audience schedule that does not exist (or a schedule that enters another journey) is a 400
   * naming the field ({@link References}).
   */
  public Published publish(String id) {
    JourneyRecord journey = get(id);
    if (journey.draft() == null) {
      throw conflict("journey " + id + " has no draft to publish");
    }
    references.get().check(journey.draft());
    JourneyCompilation.Compiled compiled = compilation.compile(journey.draft(), Map.of());
    Map<String, String> pins = pins(compiled.templateIds());
    if (!pins.isEmpty()) {
      compiled = compilation.compile(journey.draft(), pins);
    }
    Optional<JourneyVersion> live = live(journey);
    if (live.isPresent()
        && live.get().document().equals(journey.draft())
        && live.get().asl().equals(compiled.asl())) {
      return new Published(live.get(), false, Optional.empty());
    }
    int number = journey.liveVersion() + 1;
    String machine =
        machines.createOrUpdate(
            stateMachineName(id), journey.stateMachineArn(), compiled.asl(), roleArn);
    String versionArn = machines.publishVersion(machine, "journey " + id + " version " + number);
    JourneyVersion version =
        new JourneyVersion(
            id, number, journey.draft(), compiled.asl(), versionArn, pins, clock.instant());
    try {
      records.saveVersion(version);
    } catch (ConcurrentChangeException raced) {
      throw conflict("journey " + id + " was published at the same time; read it and retry");
    }
    String alias = machines.pointAlias(machine, ALIAS, versionArn);
    String secret = journey.webhookSecret();
    Optional<String> madeNow = Optional.empty();
    if (secret == null) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      secret = HexFormat.of().formatHex(bytes);
      madeNow = Optional.of(secret);
    }
    save(journey.published(number, secret, machine, alias, clock.instant()));
    return new Published(version, true, madeNow);
  }

  private Map<String, String> pins(List<String> templateIds) {
    Map<String, String> pins = new LinkedHashMap<>();
    for (String templateId : templateIds) {
      templates.latest(templateId).ifPresent(v -> pins.put(templateId, v));
    }
    return pins;
  }

  /** Entries refused from now on; runs go on. Only a live journey can be paused. */
  public JourneyRecord pause(String id) {
    JourneyRecord journey = get(id);
    if (journey.state() != JourneyState.live) {
      throw conflict("journey " + id + " is " + journey.state() + ", not live");
    }
    return save(journey.withState(JourneyState.paused, clock.instant()));
  }

  /** Entries taken again. Only a paused journey can be resumed. */
  public JourneyRecord resume(String id) {
    JourneyRecord journey = get(id);
    if (journey.state() != JourneyState.paused) {
      throw conflict("journey " + id + " is " + journey.state() + ", not paused");
    }
    return save(journey.withState(JourneyState.live, clock.instant()));
  }

  /** A stopped journey and how many of its runs were ended. */
  public record Stopped(JourneyRecord journey, int runsStopped) {}

  /**
   * Entries refused and every running run ended (see {@link JourneyStopper}). Stopping a stopped
   * journey again ends what is left, so a failed stop can be retried.
   */
  public Stopped stop(String id) {
    JourneyRecord journey = get(id);
    if (!journey.state().inCatalog()) {
      throw conflict("journey " + id + " is " + journey.state() + ": it was never published");
    }
    JourneyRecord stopped =
        journey.state() == JourneyState.stopped
            ? journey
            : save(journey.withState(JourneyState.stopped, clock.instant()));
    return new Stopped(stopped, stopper.stopRuns(id));
  }

  /** Hidden from the list; a live or paused journey is stopped first. */
  public Stopped archive(String id) {
    JourneyRecord journey = get(id);
    int ended = journey.state().inCatalog() ? stopper.stopRuns(id) : 0;
    return new Stopped(save(journey.withState(JourneyState.archived, clock.instant())), ended);
  }

  public JourneyRecord get(String id) {
    checkId(id);
    return records.find(id).orElseThrow(() -> ProblemException.notFound("no journey " + id));
  }

  /** The live version of a journey, if it was ever published. */
  public Optional<JourneyVersion> live(JourneyRecord journey) {
    return journey.liveVersion() == 0
        ? Optional.empty()
        : records.version(journey.id(), journey.liveVersion());
  }

  public List<JourneyVersion> versions(String id) {
    return records.versions(get(id).id());
  }

  /** One version; {@code version} as the URL gives it (400 naming {@code v} unless a number). */
  public JourneyVersion version(String id, String version) {
    get(id);
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("v", "a version number (1, 2, ...)");
    }
    return records
        .version(id, number)
        .orElseThrow(
            () -> ProblemException.notFound("journey " + id + " has no version " + number));
  }

  /** Every journey, archived ones only with {@code all}. */
  public List<JourneyRecord> list(boolean all) {
    return records.all().stream().filter(j -> all || j.state() != JourneyState.archived).toList();
  }

  private JourneyRecord save(JourneyRecord next) {
    try {
      return records.save(next);
    } catch (ConcurrentChangeException raced) {
      throw conflict("journey " + next.id() + " changed at the same time; read it and retry");
    }
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }
}
