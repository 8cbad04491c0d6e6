package dev.waymark.core.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.click.ClickLinks;
import dev.waymark.core.click.LinkRewriter;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateException;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.PersonZone;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.promo.CodePools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A journey's send step. Exactly once per (run, step): an answered step answers the same again.
 * Before anything is sent, in order: a channel that reaches the person (the first of the step's
 * channels with an address and consent), suppression, a valid phone for SMS, the send window in the
 * person's time zone (outside it: deferred until it opens — nothing is recorded, the state machine
 * waits and asks again), then the claim, which also counts against the person's daily cap for the
 * channel. A template that cannot be rendered for this person (strict Liquid: a variable the data
 * lacks) ends the step {@code render_failed}, naming the variable, with nothing sent. Every
 * decision is logged with its reason and traced.
 */
public final class SendService {
  private static final int MAX_PINNED = 512;
  private final ProfileService profiles;
  private final TemplateStore templates;
  private final TemplateRenderer renderer;
  private final SendLedger ledger;
  private final SendRecords records;
  private final Deliveries deliveries;
  private final JourneyStore journeys;
  private final FrequencyCaps caps;
  private final UnsubscribeLinks unsubscribe;
  private final ClickLinks clicks;
  private final ZoneId defaultZone;
  private final Clock clock;
  private final CodePools codes;
  private final Map<String, MessageTemplate> pinned = new ConcurrentHashMap<>();

  /**
   * {@code records}: the reads before a decision and the writes after it, batched where the store
   * can; it reads the email layouts from the same store as {@code renderer} does (the layout a send
   * renders with is the one {@code records} read); {@code codes}: the journeys' promo code pools,
   * for sends that name one.
   */
  public SendService(
      ProfileService profiles,
      TemplateStore templates,
      TemplateRenderer renderer,
      SendLedger ledger,
      SendRecords records,
      Deliveries deliveries,
      JourneyStore journeys,
      FrequencyCaps caps,
      UnsubscribeLinks unsubscribe,
      ClickLinks clicks,
      ZoneId defaultZone,
      Clock clock,
      CodePools codes) {
    this.codes = codes;
    this.profiles = profiles;
    this.templates = templates;
    this.renderer = renderer;
    this.ledger = ledger;
    this.records = records;
    this.deliveries = deliveries;
    this.journeys = journeys;
    this.caps = caps;
    this.unsubscribe = unsubscribe;
    this.clicks = clicks;
    this.defaultZone = defaultZone;
    this.clock = clock;
  }

  /**
   * Reads the person and the template (a pinned version from memory), then in one go (see {@link
   * SendRecords#prior}) whether the step was answered, which of the person's addresses are
   * suppressed and the email layout; an answered step answers the same again (also when its person
   * has been erased since).
   */
  public SendOutcome send(SendRequest request) {
    Optional<Profile> found = profiles.resolve(request.profileId());
    if (found.isEmpty()) {
      return ledger
          .find(request.runId(), request.stepId())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "profile " + request.profileId() + " no longer exists"));
    }
    Profile profile = found.get();
    MessageTemplate template = template(request);
    Optional<String> layout =
        template.layout().filter(l -> request.channels().contains(Channel.email));
    SendRecords.Prior prior =
        records.prior(request.runId(), request.stepId(), addresses(request, profile), layout);
    if (prior.answered().isPresent()) {
      return prior.answered().get();
    }
    SendOutcome decided = decide(request, profile, template, prior.suppressed());
    if (decided.status() == SendOutcome.Status.deferred) {
      trace(request, profile, decided);
      return decided;
    }
    if (decided.status() != SendOutcome.Status.sent) {
      return finish(request, profile, decided);
    }
    TemplateRenderer rendering =
        layout.map(l -> renderer.withLayout(l, prior.layoutHtml())).orElse(renderer);
    return deliver(request, profile, template, rendering, decided.channel(), decided.address());
  }

  /** The person's address on each of the request's channels that reaches them. */
  private static List<SendRecords.Address> addresses(SendRequest request, Profile profile) {
    List<SendRecords.Address> addresses = new ArrayList<>();
    for (Channel channel : request.channels()) {
      if (Reachability.of(profile, channel) instanceof Reachability.Reachable r) {
        addresses.add(new SendRecords.Address(channel, r.address()));
      }
    }
    return addresses;
  }

  /**
   * The template version the request pins (read once for the life of this service: a version never
   * changes), else the latest (read every time).
   */
  private MessageTemplate template(SendRequest request) {
    if (request.templateVersion() == null) {
      return stored(request, templates.latest(request.template()));
    }
    String key = request.template() + "#" + request.templateVersion();
    MessageTemplate known = pinned.get(key);
    if (known != null) {
      return known;
    }
    MessageTemplate read =
        stored(request, templates.version(request.template(), request.templateVersion()));
    if (pinned.size() >= MAX_PINNED) {
      pinned.clear(); // many journeys' versions: keep memory bounded, read again
    }
    pinned.put(key, read);
    return read;
  }

  private static MessageTemplate stored(
      SendRequest request, Optional<TemplateStore.StoredTemplate> stored) {
    return stored
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no template "
                        + request.template()
                        + (request.templateVersion() == null
                            ? ""
                            : " version " + request.templateVersion())))
        .template();
  }

  /**
   * Which channel and address, or why nothing can be sent now ({@code sent} here means "go ahead").
   * When every channel refuses, the reason given is the first one about a channel that does reach
   * the person (no consent, suppressed, invalid number) rather than "unreachable".
   */
  private SendOutcome decide(
      SendRequest request,
      Profile profile,
      MessageTemplate template,
      Set<SendRecords.Address> suppressed) {
    SendOutcome firstRefusal = null;
    for (Channel channel : request.channels()) {
      SendOutcome verdict = check(request, profile, template, channel, suppressed);
      if (verdict.status() == SendOutcome.Status.sent
          || verdict.status() == SendOutcome.Status.deferred) {
        return verdict;
      }
      boolean moreTelling =
          firstRefusal == null
              || (firstRefusal.status() == SendOutcome.Status.unreachable
                  && verdict.status() != SendOutcome.Status.unreachable);
      firstRefusal = moreTelling ? verdict : firstRefusal;
    }
    return firstRefusal;
  }

  private SendOutcome check(
      SendRequest request,
      Profile profile,
      MessageTemplate template,
      Channel channel,
      Set<SendRecords.Address> suppressed) {
    if (!template.supports(channel)) {
      return SendOutcome.of(
          SendOutcome.Status.unreachable,
          channel,
          "template " + template.name() + " has no " + channel + " version");
    }
    Reachability.Address address = Reachability.of(profile, channel);
    if (address instanceof Reachability.Unreachable u) {
      return SendOutcome.of(SendOutcome.Status.unreachable, channel, u.reason());
    }
    if (address instanceof Reachability.InvalidNumber) {
      return SendOutcome.of(
          SendOutcome.Status.invalid_number, channel, "the phone number is not a valid number");
    }
    String to = ((Reachability.Reachable) address).address();
    Optional<String> refused = deliveries.refusal(channel, to);
    if (refused.isPresent()) {
      return SendOutcome.of(SendOutcome.Status.unreachable, channel, refused.get());
    }
    if (!profile
        .consents()
        .allows(ConsentChannel.valueOf(channel.name().toUpperCase()), request.topic())) {
      return SendOutcome.of(
          SendOutcome.Status.no_consent,
          channel,
          "no "
              + channel
              + " consent"
              + (request.topic() == null ? "" : " for topic " + request.topic()));
    }
    if (suppressed.contains(new SendRecords.Address(channel, to))) {
      return SendOutcome.of(
          SendOutcome.Status.suppressed, channel, "the address is on the suppression list");
    }
    ZoneId zone = zoneOf(profile);
    Instant now = clock.instant();
    if (!request.window().allows(now, zone)) {
      Instant opens = request.window().nextOpening(now, zone);
      return new SendOutcome(
          SendOutcome.Status.deferred,
          channel,
          null,
          null,
          opens.toString(),
          "outside the send window "
              + request.window().from()
              + "-"
              + request.window().to()
              + " in "
              + zone);
    }
    return new SendOutcome(SendOutcome.Status.sent, channel, to, null, null, null);
  }

  private SendOutcome deliver(
      SendRequest request,
      Profile profile,
      MessageTemplate template,
      TemplateRenderer rendering,
      Channel channel,
      String to) {
    String localDay = clock.instant().atZone(zoneOf(profile)).toLocalDate().toString();
    SendLedger.Claim claim =
        ledger.claim(
            request.runId(),
            request.stepId(),
            profile.id(),
            channel,
            localDay,
            caps.limit(channel));
    if (claim == SendLedger.Claim.CAPPED) {
      return finish(
          request,
          profile,
          SendOutcome.of(
              SendOutcome.Status.capped,
              channel,
              "frequency cap of " + caps.limit(channel) + " " + channel + " per day reached"));
    }
    if (claim == SendLedger.Claim.TAKEN) {
      return ledger
          .find(request.runId(), request.stepId())
          .orElse(
              SendOutcome.of(
                  SendOutcome.Status.in_doubt,
                  channel,
                  "an earlier attempt claimed this step and did not finish; not sent again so nothing is sent twice"));
    }
    Optional<String> code = Optional.empty();
    if (request.codePool() != null) {
      code = codes.draw(request.journeyId(), request.codePool(), codeClaim(request));
      if (code.isEmpty()) {
        ledger.release(request.runId(), request.stepId(), profile.id(), channel, localDay);
        return finish(
            request,
            profile,
            SendOutcome.of(
                SendOutcome.Status.code_pool_exhausted,
                channel,
                "code pool "
                    + request.codePool()
                    + " of journey "
                    + request.journeyId()
                    + " has no code left; nothing sent"));
      }
    }
    String messageId;
    try {
      RenderedMessage message =
          tracked(
              rendering
                  .render(template, channel, data(request, profile, channel, to, code))
                  .withUnsubscribeUrl(unsubscribe.url(profile.id(), channel, request.topic())),
              request,
              profile);
      messageId = deliveries.deliver(channel, to, message, tags(request, profile));
    } catch (TemplateException e) {
      // final, like a refusal: rendering again would fail again, and the run must go on
      ledger.release(request.runId(), request.stepId(), profile.id(), channel, localDay);
      return finish(
          request,
          profile,
          SendOutcome.of(
              SendOutcome.Status.render_failed, channel, e.getMessage() + "; nothing sent"));
    } catch (RuntimeException e) {
      ledger.release(request.runId(), request.stepId(), profile.id(), channel, localDay);
      throw e;
    }
    return finish(
        request,
        profile,
        new SendOutcome(
            SendOutcome.Status.sent, channel, to, messageId, null, "sent on " + channel));
  }

  /** Every link of an email's HTML to an allowed host goes through the click route. */
  private RenderedMessage tracked(RenderedMessage message, SendRequest request, Profile profile) {
    if (message.html() == null) {
      return message;
    }
    return message.withHtml(
        LinkRewriter.rewrite(
            message.html(),
            new LinkRewriter.Message(
                profile.id(), request.journeyId(), request.runId(), request.stepId()),
            clicks));
  }

  /** The ledger's answer, the message log, the trace and the counter: one write where it can. */
  private SendOutcome finish(SendRequest request, Profile profile, SendOutcome outcome) {
    records.finish(
        new SendRecords.Finished(
            profile.id(),
            clock.instant(),
            request,
            outcome,
            traceEntry(request, profile, outcome),
            versionOf(request),
            JourneyCounter.step(request.stepId(), outcome.status().name())));
    return outcome;
  }

  private void trace(SendRequest request, Profile profile, SendOutcome outcome) {
    journeys.trace(traceEntry(request, profile, outcome));
  }

  private TraceEntry traceEntry(SendRequest request, Profile profile, SendOutcome outcome) {
    return new TraceEntry(
        clock.instant(),
        profile.id(),
        request.journeyId(),
        request.runId(),
        "send",
        outcome.status().name(),
        outcome.reason(),
        request.runId()
            + "#"
            + request.stepId()
            + (outcome.status() == SendOutcome.Status.deferred
                ? "#deferred#" + outcome.deferredUntil()
                : ""));
  }

  private static String versionOf(SendRequest request) {
    JsonNode version = request.data() == null ? null : request.data().get("version");
    return version == null ? "unversioned" : version.asText();
  }

  private ZoneId zoneOf(Profile profile) {
    return PersonZone.of(profile, defaultZone);
  }

  /**
   * One code per (run, step): the sends of a step's {@code also} channels ({@code "offer.sms"})
   * claim with the step's own id, so they carry the same code as its first channel.
   */
  private static String codeClaim(SendRequest request) {
    int dot = request.stepId().indexOf('.');
    return request.runId()
        + "#"
        + (dot < 0 ? request.stepId() : request.stepId().substring(0, dot));
  }

  private Map<String, Object> data(
      SendRequest request, Profile profile, Channel channel, String to, Optional<String> code) {
    JsonNode given = request.data();
    if (code.isPresent()) {
      ObjectNode withCode =
          given instanceof ObjectNode o ? o.deepCopy() : dev.waymark.core.json.Json.object();
      withCode.put("code", code.get()).put("codePool", request.codePool());
      given = withCode;
    }
    Map<String, Object> data =
        TemplateData.of(
            profile,
            request.entry(),
            given,
            request.journeyId(),
            unsubscribe.url(profile.id(), channel, request.topic()),
            to);
    if (channel == Channel.email) {
      data.put("confirmUrl", clicks.confirmUrl(profile.id(), to));
    }
    return data;
  }

  private static Map<String, String> tags(SendRequest request, Profile profile) {
    return Map.of(
        "profileId",
        profile.id(),
        "journeyId",
        request.journeyId(),
        "runId",
        request.runId(),
        "stepId",
        request.stepId());
  }
}
