package org.stomacds.server.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing a stop does: readiness goes down ({@code /actuator/health/readiness} answers
 * 503), then the application keeps serving for the drain period, so a load balancer that checks
 * readiness sees the replica leave and sends it nothing new before the web server stops taking
 * connections. Only then does Spring Boot's graceful shutdown run (in-flight calls finish, up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase}).
 *
 * <p>Its phase is the highest there is, so it stops before the web server's graceful shutdown and
 * before any other lifecycle bean: writes taken during the drain are handled as any other.
 */
final class ShutdownDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

  private final ApplicationEventPublisher events;
  private final Duration drain;
  private volatile boolean running;

  ShutdownDrain(ApplicationEventPublisher events, Duration drain) {
    if (drain.isNegative()) {
      throw new IllegalArgumentException("stomacds.shutdown.drain must not be negative: " + drain);
    }
    this.events = events;
    this.drain = drain;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
    if (!drain.isZero()) {
      log.info(
          "shutdown: readiness down, serving {} ms more before the web server stops",
          drain.toMillis());
      try {
        Thread.sleep(drain.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
