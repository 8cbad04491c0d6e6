package dev.waymark.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {
  @Test
  void runsEventsInTimeOrderAndTiesInTheOrderScheduled() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    loop.at(20, () -> ran.add("b@20"));
    loop.at(10, () -> ran.add("a@10"));
    loop.at(20, () -> ran.add("c@20"));
    loop.at(10, () -> loop.after(5, () -> ran.add("d@" + loop.now())));
    loop.runUntil(Long.MAX_VALUE);
    assertThat(ran).containsExactly("a@10", "d@15", "b@20", "c@20");
    assertThat(loop.processed()).isEqualTo(5);
    assertThat(loop.idle()).isTrue();
  }

  @Test
  void stopsAtTheGivenInstantAndRefusesThePast() {
    EventLoop loop = new EventLoop();
    List<Long> ran = new ArrayList<>();
    loop.at(5, () -> ran.add(loop.now()));
    loop.at(50, () -> ran.add(loop.now()));
    loop.runUntil(10);
    assertThat(ran).containsExactly(5L);
    assertThat(loop.idle()).isFalse();
    assertThatThrownBy(() -> loop.at(4, () -> {})).isInstanceOf(IllegalArgumentException.class);
  }
}
