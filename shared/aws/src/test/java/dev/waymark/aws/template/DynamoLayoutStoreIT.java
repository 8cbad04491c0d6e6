package dev.waymark.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.message.LayoutStore;
import dev.waymark.core.message.LayoutStore.StoredLayout;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The layout store on DynamoDB Local: versions under {@code LAY#<id>}, beside the templates. */
class DynamoLayoutStoreIT {
  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
  String table;
  DynamoLayoutStore layouts;
  DynamoTemplateStore templates;

  @BeforeEach
  void freshTable() {
    table = LocalDynamo.newTable();
    layouts = new DynamoLayoutStore(LocalDynamo.client(), table);
    templates = new DynamoTemplateStore(LocalDynamo.client(), table);
  }

  @Test
  void versionsCountUpOnlyWhenTheHtmlChanges() {
    LayoutStore.Saved first = layouts.put("brand", "<b>{{ content }}</b>", AT);
    LayoutStore.Saved same = layouts.put("brand", "<b>{{ content }}</b>", AT.plusSeconds(60));
    LayoutStore.Saved second = layouts.put("brand", "<i>{{ content }}</i>", AT.plusSeconds(120));

    assertThat(first.created()).isTrue();
    assertThat(same.created()).isFalse();
    assertThat(same.layout().version()).isEqualTo(1);
    assertThat(same.layout().createdAt()).isEqualTo(AT);
    assertThat(second.layout().version()).isEqualTo(2);
    assertThat(layouts.latest("brand").orElseThrow().html()).isEqualTo("<i>{{ content }}</i>");
    assertThat(layouts.versions("brand"))
        .extracting(StoredLayout::version, StoredLayout::html)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "<b>{{ content }}</b>"),
            org.assertj.core.groups.Tuple.tuple(2, "<i>{{ content }}</i>"));
    assertThat(layouts.latest("other")).isEmpty();
    assertThat(layouts.versions("other")).isEmpty();
  }

  @Test
  void layoutsAreListedApartFromTemplatesUnderTheirOwnPartition() {
    layouts.put("plain", "{{ content }}", AT);
    layouts.put("brand", "<b>{{ content }}</b>", AT);

    assertThat(layouts.ids()).containsExactly("brand", "plain");
    assertThat(templates.ids()).isEmpty();
    assertThat(
            LocalDynamo.client()
                .getItem(
                    r ->
                        r.tableName(table)
                            .key(Attr.key(Keys.layout("brand"), Keys.LAYOUT_SK))
                            .consistentRead(true))
                .item())
        .containsEntry("html", Attr.s("<b>{{ content }}</b>"))
        .containsEntry("version", Attr.n(1));
  }
}
