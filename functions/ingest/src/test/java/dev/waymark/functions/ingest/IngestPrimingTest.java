package dev.waymark.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.core.ingest.IngestService;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ingest primer runs the validation path against DynamoDB Local and stores nothing. */
class IngestPrimingTest {
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();

  @Test
  void thePrimingBatchIsRefusedByTheSchemaAndNothingIsStored() {
    String table = SharedDynamoDbLocal.newWaymarkTable();
    IngestService ingest =
        new WaymarkServices(
                dynamo,
                WaymarkConfig.local(table),
                Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC))
            .ingest();

    IngestPriming.refusedBatch(ingest);
    IngestPriming.refusedBatch(ingest);

    assertThatThrownBy(() -> ingest.ingest(IngestPriming.REFUSED_BATCH, "web"))
        .isInstanceOf(ProblemException.class);
    assertThat(dynamo.scan(r -> r.tableName(table)).count()).isZero();
  }

  @Test
  void aPrimingBatchThatWereAcceptedFailsThePrimerInsteadOfPassingSilently() {
    String table = SharedDynamoDbLocal.newWaymarkTable();
    IngestService ingest =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.systemUTC()).ingest();

    assertThatThrownBy(
            () ->
                IngestPriming.refused(
                    ingest,
                    "{\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m-1\",\"userId\":\"u-1\"}]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be refused");
  }
}
