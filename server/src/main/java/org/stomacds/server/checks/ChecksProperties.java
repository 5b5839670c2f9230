package org.stomacds.server.checks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the write checks and {@code $check} (prefix {@code stomacds.checks}).
 *
 * @param writeChecks evaluate 44405 Procedures and Claims after they are written and keep their
 *     DetectedIssues; false turns that off ({@code $check} stays)
 * @param threads workers evaluating after writes
 * @param queueCapacity batches waiting for a worker; beyond it they wait in the table for the sweep
 * @param sweepInterval how often the table is swept for batches nobody is working on
 * @param sweepDelay how old an unclaimed batch must be before the sweep takes it (its writer takes
 *     it first)
 * @param staleAfter a claim or lease older than this is taken to be from a crashed replica
 * @param maxAttempts a batch failing this many times is given up (logged)
 * @param maxCheckBody the largest {@code $check} body accepted (413 beyond)
 */
@Validated
@ConfigurationProperties("stomacds.checks")
public record ChecksProperties(
    @DefaultValue("true") boolean writeChecks,
    @DefaultValue("2") @Min(1) @Max(32) int threads,
    @DefaultValue("10000") @Min(1) int queueCapacity,
    @DefaultValue("30s") @NotNull Duration sweepInterval,
    @DefaultValue("10s") @NotNull Duration sweepDelay,
    @DefaultValue("5m") @NotNull Duration staleAfter,
    @DefaultValue("5") @Min(1) int maxAttempts,
    @DefaultValue("5MB") @NotNull DataSize maxCheckBody) {

  public ChecksProperties {
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("stomacds.checks.sweep-interval must be positive");
    }
    if (staleAfter.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException(
          "stomacds.checks.stale-after must be at least 10s: a live evaluation must not look stale");
    }
  }
}
