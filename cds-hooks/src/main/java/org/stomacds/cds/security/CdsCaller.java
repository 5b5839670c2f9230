package org.stomacds.cds.security;

import org.stomacds.cds.store.AuditRepository;

/**
 * The EHR that made an authenticated CDS Hooks call.
 *
 * @param issuer the token's {@code iss}, one of the trusted issuers
 * @param subject the token's {@code sub} (the EHR's client id); null when the token had none, which
 *     is accepted only from an issuer configured with {@code allow-missing-sub}
 * @param tenant the token's {@code tenant}, or null
 */
public record CdsCaller(String issuer, String subject, String tenant) {

  /** Request attribute under which the filter leaves the caller. */
  public static final String ATTRIBUTE = "org.stomacds.cds.security.CdsCaller";

  /** The caller as the audit records and logs it. */
  public AuditRepository.Caller audited() {
    return new AuditRepository.Caller(issuer, subject, tenant);
  }
}
