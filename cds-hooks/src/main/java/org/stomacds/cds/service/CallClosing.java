package org.stomacds.cds.service;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.CallRecords;
import org.stomacds.cds.store.FirstUse;

/**
 * The end of every hook call, answered or failed: its rows written in one transaction (its token's
 * first use, its cards, its audit row), then its log line. Logs under {@link CdsHookService}'s
 * name: it is that service's line.
 */
final class CallClosing {

  private static final Logger log = LoggerFactory.getLogger(CdsHookService.class);

  private final CallRecords records;

  CallClosing(CallRecords records) {
    this.records = records;
  }

  /**
   * Writes the call's rows and logs it.
   *
   * <ul>
   *   <li>The token was already used (another call with it committed first): nothing is written,
   *       the call is refused ({@link FirstUse.Replayed}, answered 401) and logged as such.
   *   <li>The rows of issued cards cannot be committed: the call fails instead (a 500, audited as
   *       such with its token's first use when the database lets us); cards whose issuance is not
   *       on record would be refused feedback.
   *   <li>Only the audit row cannot be written: the answer stands once its token's first use is on
   *       record (written alone); when even that fails, the call fails (500): a token is never
   *       answered without being recorded.
   * </ul>
   *
   * @param firstUse the first use of the call's token, or null when there is none to record
   */
  void finish(
      String serviceId, Instant startedAt, long startNanos, CallOutcome o, FirstUse firstUse) {
    long tookMs = (System.nanoTime() - startNanos) / 1_000_000;
    String service = CdsHookService.safeId(serviceId);
    RuntimeException failed = null;
    try {
      records.record(invocation(service, startedAt, tookMs, o), o.issued, firstUse);
    } catch (FirstUse.Replayed e) {
      throw replayed(service, e);
    } catch (RuntimeException e) {
      log.error(
          "cds audit row not written for hookInstance={}: {}",
          o.hookInstance,
          e.getClass().getSimpleName());
      failed = writeWhatMustStillBe(service, startedAt, tookMs, o, firstUse, e);
    }
    log.info(
        "cds hook service={} hook={} hookInstance={} caller=[{}] status={} error={} rules={}"
            + " tookMs={}",
        service,
        o.hook == null ? null : CdsHookService.safeId(o.hook),
        o.hookInstance,
        o.caller == null ? "not authenticated" : o.caller.forLog(),
        o.status,
        o.errorCode,
        o.ruleIds,
        tookMs);
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * After the call's rows could not be written together, writes what must still be: with issued
   * cards, the call fails and its failure is audited (with the token's first use); without, the
   * token's first use alone, and the answer stands only if that is on record.
   *
   * @return what the call fails with, or null when its answer stands
   */
  private RuntimeException writeWhatMustStillBe(
      String service,
      Instant startedAt,
      long tookMs,
      CallOutcome o,
      FirstUse firstUse,
      RuntimeException cause) {
    boolean cards = o.issuedCards();
    if (!cards && firstUse == null) {
      return null;
    }
    if (cards) {
      o.failed();
    }
    try {
      if (cards) {
        records.record(invocation(service, startedAt, tookMs, o), null, firstUse);
      } else {
        records.recordFirstUse(firstUse);
      }
      return cards ? cause : null;
    } catch (FirstUse.Replayed r) {
      throw replayed(service, r);
    } catch (RuntimeException again) {
      log.error(
          "cds {} not written for hookInstance={}: {}",
          cards ? "audit row of the failed call" : "token's first use (the call fails)",
          o.hookInstance,
          again.getClass().getSimpleName());
      if (cards) {
        return cause;
      }
      o.failed();
      return again;
    }
  }

  /** Logs a replay found as the rows were written, like the filter logs one it finds. */
  private static FirstUse.Replayed replayed(String service, FirstUse.Replayed e) {
    log.warn("cds call refused: 401 reason=REPLAY method=POST path=/cds-services/{}", service);
    return e;
  }

  private static AuditRepository.Invocation invocation(
      String service, Instant startedAt, long tookMs, CallOutcome o) {
    return new AuditRepository.Invocation(
        o.caller,
        o.hookInstance,
        service,
        o.hook == null ? null : CdsHookService.safeId(o.hook),
        o.status,
        o.errorCode,
        o.ruleIds,
        o.cardUuids,
        o.packVersion,
        startedAt,
        tookMs);
  }
}
