package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which cancelled transactions are made again: only those a conflict alone cancelled. */
class TransactionsTest {
  @Test
  void aConflictAloneIsMadeAgain() {
    assertThat(Transactions.onlyConflicts(cancelled("None", "TransactionConflict"))).isTrue();
  }

  @Test
  void aFailedConditionIsNot() {
    assertThat(Transactions.onlyConflicts(cancelled("ConditionalCheckFailed", "None"))).isFalse();
    assertThat(
            Transactions.onlyConflicts(cancelled("ConditionalCheckFailed", "TransactionConflict")))
        .isFalse();
    assertThat(Transactions.onlyConflicts(cancelled("None", "None"))).isFalse();
    assertThat(Transactions.onlyConflicts(TransactionCanceledException.builder().build()))
        .isFalse();
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder()
        .cancellationReasons(
            Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList())
        .build();
  }
}
