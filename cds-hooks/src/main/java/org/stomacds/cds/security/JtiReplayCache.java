package org.stomacds.cds.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers the {@code jti} of every accepted CDS Hooks JWT for a while, in table {@code
 * stomacds.jwt_replay}, so replicas sharing the database share the memory. First use wins by the
 * primary key: of two replicas racing to accept the same token, the second insert fails and that
 * replica refuses it. Expired rows are purged once a minute by a background thread of each replica
 * ({@link #startPurging}), never on a call's own path: a hook call's one transaction stays its only
 * write.
 *
 * <p>A token can be recorded at once ({@link #firstUse}), or checked now and recorded later ({@link
 * #pending}: {@link PendingFirstUse#usedBefore} then {@link PendingFirstUse#record}): a hook call
 * records it in the transaction that records the call, so the call commits once.
 */
public final class JtiReplayCache {

  private static final Logger log = LoggerFactory.getLogger(JtiReplayCache.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private ScheduledExecutorService purging;

  public JtiReplayCache(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records this token's first use.
   *
   * @param rememberUntil when the row may be forgotten (after the token has expired)
   * @return true the first time; false when it was seen before (a replay)
   */
  public boolean firstUse(String issuer, String jti, Instant rememberUntil) {
    return insert(key(issuer, jti), rememberUntil);
  }

  /** Whether the hashed key's first use is on record (a read). */
  boolean onRecord(String key) {
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM \"stomacds\".jwt_replay WHERE token_key = ?", Integer.class, key);
    return rows != null && rows > 0;
  }

  /**
   * This token's first use, to be recorded later: by the hook service in the transaction of the
   * call's rows, or by the filter when the call never reached it.
   */
  public PendingFirstUse pending(String issuer, String jti, Instant rememberUntil) {
    return new PendingFirstUse(this, key(issuer, jti), rememberUntil);
  }

  /**
   * Inserts a first use through this cache's {@code JdbcTemplate}: in the transaction bound to the
   * current thread for its {@code DataSource}, if any, else by itself.
   *
   * @return false when the key is already there
   */
  boolean insert(String key, Instant rememberUntil) {
    try {
      jdbc.update(
          "INSERT INTO \"stomacds\".jwt_replay (token_key, expires_at) VALUES (?, ?)",
          key,
          rememberUntil.atOffset(ZoneOffset.UTC));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Deletes rows whose time is up; returns how many. */
  public int purgeExpired() {
    return jdbc.update(
        "DELETE FROM \"stomacds\".jwt_replay WHERE expires_at < ?",
        clock.instant().atOffset(ZoneOffset.UTC));
  }

  /**
   * Starts purging expired rows once a minute, on one daemon thread; stopped by {@link
   * #stopPurging}.
   */
  public synchronized void startPurging() {
    if (purging != null) {
      return;
    }
    purging =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "jwt-replay-purge");
              thread.setDaemon(true);
              return thread;
            });
    purging.scheduleWithFixedDelay(
        this::purgeQuietly, PURGE_EVERY.toMillis(), PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stopPurging() {
    if (purging != null) {
      purging.shutdownNow();
      purging = null;
    }
  }

  private void purgeQuietly() {
    try {
      purgeExpired();
    } catch (RuntimeException e) {
      log.warn("jwt replay cache purge failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Issuer and jti, hashed: a fixed-length key whatever their length. */
  static String key(String issuer, String jti) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(issuer.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(jti.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
