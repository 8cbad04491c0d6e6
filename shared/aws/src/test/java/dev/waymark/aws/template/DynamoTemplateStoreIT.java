package dev.waymark.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.TemplateDocument;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.message.TemplateStore.StoredTemplate;
import dev.waymark.core.message.TestRecipients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The template store and the test list on DynamoDB Local. */
class DynamoTemplateStoreIT {
  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
  DynamoTemplateStore store;
  DynamoTestRecipients recipients;

  @BeforeEach
  void freshTable() {
    String table = LocalDynamo.newTable();
    store = new DynamoTemplateStore(LocalDynamo.client(), table);
    recipients = new DynamoTestRecipients(LocalDynamo.client(), table);
  }

  static TemplateDocument sms(String body) {
    return new TemplateDocument(
        Optional.empty(), Map.of("sms", body), Json.parseObject("{\"profile\":{\"a\":1}}"));
  }

  @Test
  void versionsCountUpOnlyWhenTheDocumentChanges() {
    TemplateStore.Saved first = store.put("t", sms("one"), AT);
    TemplateStore.Saved same = store.put("t", sms("one"), AT.plusSeconds(60));
    TemplateStore.Saved second = store.put("t", sms("two"), AT.plusSeconds(120));

    assertThat(first.created()).isTrue();
    assertThat(first.template().version()).isEqualTo(1);
    assertThat(same.created()).isFalse();
    assertThat(same.template().version()).isEqualTo(1);
    assertThat(second.template().version()).isEqualTo(2);
    assertThat(store.latest("t").orElseThrow().document().parts()).containsEntry("sms", "two");
    assertThat(store.version("t", 1).orElseThrow().document().parts()).containsEntry("sms", "one");
    assertThat(store.version("t", 1).orElseThrow().createdAt()).isEqualTo(AT);
    assertThat(store.version("t", 3)).isEmpty();
    assertThat(store.versions("t")).extracting(StoredTemplate::version).containsExactly(1, 2);
    assertThat(store.latest("other")).isEmpty();
    assertThat(store.versions("other")).isEmpty();
  }

  @Test
  void theDocumentComesBackAsItWasPut() {
    TemplateDocument doc =
        new TemplateDocument(
            Optional.of("brand"),
            Map.of("subject", "S {{ profile.a }}", "html", "<p>h</p>", "pushBody", "b"),
            Json.parseObject("{\"profile\":{\"a\":1},\"event\":{\"properties\":{\"x\":\"y\"}}}"));
    store.put("rich", doc, AT);
    StoredTemplate back = store.latest("rich").orElseThrow();
    assertThat(back.document()).isEqualTo(doc);
    assertThat(back.template().supports(Channel.email)).isTrue();
    assertThat(back.template().supports(Channel.sms)).isFalse();
    assertThat(store.ids()).containsExactly("rich");
  }

  @Test
  void concurrentPutsOfDifferentDocumentsEachGetTheirOwnVersion() throws Exception {
    ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String body = "body " + i;
      threads.add(
          Thread.ofPlatform()
              .start(() -> versions.add(store.put("race", sms(body), AT).template().version())));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(store.versions("race")).hasSize(4);
  }

  @Test
  void theTestListIsReplacedAndTestMessagesAreKeptBesideTheirTemplate() {
    assertThat(recipients.addresses()).isEmpty();
    recipients.replace(List.of("qa@example.com", "+48601234567"), AT);
    assertThat(recipients.addresses()).containsExactly("qa@example.com", "+48601234567");
    recipients.replace(List.of("qa@example.com"), AT);
    assertThat(recipients.addresses()).containsExactly("qa@example.com");
    recipients.record(
        new TestRecipients.TestMessage("t", 1, Channel.email, "qa@example.com", "m-1", AT));
    assertThat(store.versions("t")).isEmpty(); // test messages are not versions
  }
}
