package dev.waymark.ddblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Starting on a free port survives the port being taken between the moment it was found free and
 * the moment the engine binds it (other builds' tests on the same machine do that).
 */
class DynamoDbLocalTest {
  @Test
  void aPortTakenInTheMeantimeIsReplacedByAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      AtomicInteger offers = new AtomicInteger();
      try (DynamoDbLocal engine =
          DynamoDbLocal.start(
              () ->
                  offers.getAndIncrement() == 0
                      ? taken.getLocalPort()
                      : DynamoDbLocal.freePort())) {
        assertThat(offers).hasValue(2);
        assertThat(engine.endpoint().getPort()).isNotEqualTo(taken.getLocalPort());
        assertThat(engine.client().listTables().tableNames()).isEmpty();
      }
    }
  }

  @Test
  void aPortThatStaysTakenIsAnError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> DynamoDbLocal.start(taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
    }
  }
}
