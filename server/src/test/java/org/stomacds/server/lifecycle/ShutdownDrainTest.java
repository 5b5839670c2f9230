package org.stomacds.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;

class ShutdownDrainTest {

  private final List<Object> events = new ArrayList<>();

  @Test
  void stopTakesReadinessDownFirstThenKeepsServingForTheDrainPeriod() {
    ShutdownDrain drain = new ShutdownDrain(events::add, Duration.ofMillis(300));
    drain.start();
    assertThat(drain.isRunning()).isTrue();

    long started = System.nanoTime();
    drain.stop();
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(events)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((AvailabilityChangeEvent<?>) e).getState())
                    .isEqualTo(ReadinessState.REFUSING_TRAFFIC));
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    assertThat(drain.isRunning()).isFalse();
  }

  @Test
  void itStopsBeforeTheWebServerStopsTakingConnections() {
    ShutdownDrain drain = new ShutdownDrain(events::add, Duration.ZERO);
    // Lifecycle beans stop from the highest phase down.
    assertThat(drain.getPhase())
        .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
  }

  @Test
  void aNegativeDrainIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new ShutdownDrain(events::add, Duration.ofSeconds(-1)))
        .hasMessageContaining("stomacds.shutdown.drain");
  }
}
