package org.stomacds.cds.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.stomacds.cds.store.FirstUse;

/**
 * The first use of a hook call's token, checked (never seen before) but not yet recorded. Whoever
 * {@link #take takes} it records it: the hook service, in the transaction of the call's rows; else
 * the filter, once the request is done (a call refused before the controller, a 415 say), so no
 * accepted token stays unrecorded.
 */
public final class PendingFirstUse implements FirstUse {

  private final JtiReplayCache cache;
  private final String key;
  private final Instant rememberUntil;
  private final AtomicBoolean taken = new AtomicBoolean();

  PendingFirstUse(JtiReplayCache cache, String key, Instant rememberUntil) {
    this.cache = cache;
    this.key = key;
    this.rememberUntil = rememberUntil;
  }

  /** Whether this token was used before (its first use is on record already): a read. */
  public boolean usedBefore() {
    return cache.onRecord(key);
  }

  /** Takes it over (the hook service will record it): the filter then leaves it alone. */
  public FirstUse take() {
    taken.set(true);
    return this;
  }

  /** Takes it over unless someone has: true when the caller must record it. */
  boolean takeUnlessTaken() {
    return taken.compareAndSet(false, true);
  }

  /**
   * Inserts the first use through the cache's {@code JdbcTemplate}: in the caller's transaction
   * when one is bound for the same {@code DataSource}.
   */
  @Override
  public boolean record() {
    return cache.insert(key, rememberUntil);
  }

  /** Never the key (a hash of the token's issuer and jti, but still nothing for a log). */
  @Override
  public String toString() {
    return "PendingFirstUse[" + (taken.get() ? "taken" : "not taken") + "]";
  }
}
