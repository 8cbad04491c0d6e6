package dev.waymark.aws.journey;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.promo.DynamoCodePools;
import dev.waymark.aws.secret.SigningKeySources;
import dev.waymark.aws.send.AwsDeliveries;
import dev.waymark.aws.send.DynamoMessageLog;
import dev.waymark.aws.send.DynamoSendLedger;
import dev.waymark.aws.send.DynamoSendRecords;
import dev.waymark.aws.send.DynamoSuppressions;
import dev.waymark.aws.template.DynamoLayoutStore;
import dev.waymark.aws.template.DynamoTemplateStore;
import dev.waymark.aws.template.DynamoTestRecipients;
import dev.waymark.core.click.ClickIdentities;
import dev.waymark.core.click.ClickLinks;
import dev.waymark.core.click.ClickService;
import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.JourneyStats;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.WaitService;
import dev.waymark.core.journey.compile.TaskFunctions;
import dev.waymark.core.journey.publish.ApiEntries;
import dev.waymark.core.journey.publish.DocumentCompilation;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyStopper;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.promo.CodePools;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.send.FeedbackService;
import dev.waymark.core.send.SendService;
import dev.waymark.core.send.Suppressions;
import dev.waymark.core.send.UnsubscribeLinks;
import dev.waymark.core.template.LayoutService;
import dev.waymark.core.template.TemplateService;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The journey side of the composition root: the published journeys (records, the router's catalog
 * read from them, and the publisher that makes state machine versions), the journey store, Step
 * Functions, the template service and store, the send service with its SES/SNS deliveries, the wait
 * service, the stats, and the router (which {@code Composition} lists among the processed-event
 * listeners).
 */
public final class JourneyServices {
  private final WaymarkServices core;
  private final JourneyConfig config;
  private final JourneyCatalog catalog;
  private final JourneyStore store;
  private final JourneyExecutions executions;
  private final SendService send;
  private final Suppressions suppressions;
  private final DynamoMessageLog messageLog;
  private final SignedTokens tokens;
  private final UnsubscribeLinks unsubscribe;
  private final ClickLinks clicks;
  private final JourneyRouter router;
  private final FeedbackService feedback;
  private final WaitService waits;
  private final JourneyStats stats;
  private final JourneyPublisher publisher;
  private final ApiEntries entries;
  private final TemplateService templates;
  private final CodePools codePools;

  /** Journeys whose audiences are checked against the core's segment memberships. */
  public JourneyServices(WaymarkServices core, JourneyConfig journeys) {
    this(core, journeys, check -> core.segments().isMember(check.profileId(), check.segmentId()));
  }

  public JourneyServices(
      WaymarkServices core,
      JourneyConfig journeys,
      Predicate<JourneyRouter.AudienceCheck> audience) {
    this(core, journeys, audience, SigningKeySources.keyRing(journeys, core.config().region()));
  }

  /** Journeys whose links are signed with these keys (the local runtime's own). */
  public JourneyServices(WaymarkServices core, JourneyConfig journeys, KeyRing keys) {
    this(
        core,
        journeys,
        check -> core.segments().isMember(check.profileId(), check.segmentId()),
        keys);
  }

  public JourneyServices(
      WaymarkServices core,
      JourneyConfig journeys,
      Predicate<JourneyRouter.AudienceCheck> audience,
      KeyRing keys) {
    DynamoDbClient dynamo = core.dynamo();
    WaymarkConfig config = core.config();
    this.core = core;
    this.config = journeys;
    this.suppressions = new DynamoSuppressions(dynamo, config.table(), core.clock());
    this.messageLog = new DynamoMessageLog(dynamo, config.table());
    this.tokens = new SignedTokens(keys, core.clock());
    this.unsubscribe =
        new UnsubscribeLinks(
            journeys.publicUrl(), tokens, journeys.unsubscribeLinkLifetime(), core.clock());
    this.clicks =
        new ClickLinks(
            journeys.publicUrl(),
            tokens,
            journeys.clickHosts(),
            journeys.clickLinkLifetime(),
            core.clock());
    AwsDeliveries deliveries =
        new AwsDeliveries(
            client(SesV2Client.builder(), config, journeys.sesEndpoint()).build(),
            client(SnsClient.builder(), config, journeys.snsEndpoint()).build(),
            new AwsDeliveries.Settings(
                journeys.fromAddress(),
                journeys.configurationSet(),
                journeys.pushAppArn(),
                journeys.smsAllowedPrefixes()));
    TemplateStore templateStore = new DynamoTemplateStore(dynamo, config.table());
    LayoutService layouts =
        new LayoutService(new DynamoLayoutStore(dynamo, config.table()), core.clock());
    TemplateRenderer renderer = layouts.renderer();
    this.templates =
        new TemplateService(
            templateStore,
            layouts,
            new DynamoTestRecipients(dynamo, config.table()),
            renderer,
            core.profiles(),
            deliveries,
            core.clock());
    JourneyCompilation compilation =
        new DocumentCompilation(
            new TaskFunctions(
                journeys.sendFunctionArn(),
                journeys.awaitFunctionArn(),
                journeys.stepFunctionArn()),
            templates.lookup());
    DynamoJourneyRecords records = new DynamoJourneyRecords(dynamo, config.table());
    DynamoJourneyCatalog published =
        new DynamoJourneyCatalog(records, compilation, journeys.catalogCache());
    this.catalog = published;
    this.store = new DynamoJourneyStore(dynamo, config.table());
    SfnClient sfn = client(SfnClient.builder(), config, journeys.sfnEndpoint()).build();
    this.executions = new SfnJourneyExecutions(sfn);
    this.publisher =
        new JourneyPublisher(
            compilation,
            published.forgettingOnSave(),
            new SfnStateMachineRegistry(sfn, journeys.journeyLogGroupArn()),
            templateId -> Optional.ofNullable(templates.pin(List.of(templateId)).get(templateId)),
            new JourneyStopper(store, executions, core.clock()),
            () -> core.segments().references(),
            journeys.roleArn(),
            core.clock());
    this.entries = new ApiEntries(publisher, core.profiles(), core.inbox(), core.clock());
    this.codePools = new DynamoCodePools(dynamo, config.table(), core.clock());
    this.send =
        new SendService(
            core.profiles(),
            templateStore,
            renderer,
            new DynamoSendLedger(dynamo, config.table(), core.clock()),
            new DynamoSendRecords(dynamo, config.table(), core.clock()),
            deliveries,
            store,
            journeys.caps(),
            unsubscribe,
            clicks,
            journeys.defaultZone(),
            core.clock(),
            codePools);
    this.router = new JourneyRouter(catalog, store, executions, audience, core.clock());
    this.feedback = new FeedbackService(messageLog, suppressions, core.inbox());
    this.waits = new WaitService(core.profiles(), store, core.clock());
    this.stats = new JourneyStats(store);
  }

  /** A client builder with the region, the light HTTP client and the endpoint override, if any. */
  public static <
          B extends
              software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                  & SdkSyncClientBuilder<B, ?>>
      B client(B builder, WaymarkConfig config, Optional<URI> endpoint) {
    builder.region(Region.of(config.region())).httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  public WaymarkServices core() {
    return core;
  }

  /** The journey functions' settings (caps, default time zone, function ARNs...). */
  public JourneyConfig config() {
    return config;
  }

  public JourneyCatalog catalog() {
    return catalog;
  }

  public JourneyStore store() {
    return store;
  }

  public SendService send() {
    return send;
  }

  public Suppressions suppressions() {
    return suppressions;
  }

  public DynamoMessageLog messageLog() {
    return messageLog;
  }

  /** Signed, expiring tokens for public links (unsubscribe; click tracking reuses them). */
  public SignedTokens tokens() {
    return tokens;
  }

  public UnsubscribeLinks unsubscribe() {
    return unsubscribe;
  }

  /** The signed links of emails: clicks, the identity a click hands the site, confirmations. */
  public ClickLinks clicks() {
    return clicks;
  }

  /** The click and confirmation routes (ClickHandler). */
  public ClickService clickService() {
    return new ClickService(clicks, core.profiles(), core.inbox(), core.clock());
  }

  /** What processing does first with an event carrying a click's identity (Composition). */
  public ClickIdentities clickIdentities() {
    return new ClickIdentities(clicks, core.profiles());
  }

  public JourneyExecutions executions() {
    return executions;
  }

  public FeedbackService feedback() {
    return feedback;
  }

  /** The wait step: registrations and timeouts (the await task function). */
  public WaitService waits() {
    return waits;
  }

  /** Per-version figures (the journeys API). */
  public JourneyStats stats() {
    return stats;
  }

  public JourneyRouter router() {
    return router;
  }

  /** Drafts, publishing, pause/resume/stop/archive (the journeys API and the deploy hook). */
  public JourneyPublisher publisher() {
    return publisher;
  }

  /** Entries asked for over the API, for journeys whose entry is api. */
  public ApiEntries entries() {
    return entries;
  }

  /** The journeys' promo code pools (the send step's codePool; the code-pools routes). */
  public CodePools codePools() {
    return codePools;
  }

  /** Templates as data: versions, previews, test sends (the templates API). */
  public TemplateService templates() {
    return templates;
  }
}
