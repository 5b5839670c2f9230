package org.stomacds.cds.security;

import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.FirstUse;

/**
 * The EHR that made an authenticated CDS Hooks call.
 *
 * @param issuer the token's {@code iss}, one of the trusted issuers
 * @param subject the token's {@code sub} (the EHR's client id); null when the token had none, which
 *     is accepted only from an issuer configured with {@code allow-missing-sub}
 * @param tenant the token's {@code tenant}, or null
 * @param firstUse the token's first use, checked but not yet recorded (a hook invocation, whose
 *     first use is recorded with the call's rows); null when it is already recorded
 */
public record CdsCaller(String issuer, String subject, String tenant, PendingFirstUse firstUse) {

  /** Request attribute under which the filter leaves the caller. */
  public static final String ATTRIBUTE = "org.stomacds.cds.security.CdsCaller";

  /** A caller whose token's first use is already recorded. */
  public CdsCaller(String issuer, String subject, String tenant) {
    this(issuer, subject, tenant, null);
  }

  /** The caller as the audit records and logs it. */
  public AuditRepository.Caller audited() {
    return new AuditRepository.Caller(issuer, subject, tenant);
  }

  /**
   * The token's first use for the hook service to record with the call's rows (the filter then
   * leaves it alone); null when there is none to record.
   */
  public FirstUse takeFirstUse() {
    return firstUse == null ? null : firstUse.take();
  }
}
