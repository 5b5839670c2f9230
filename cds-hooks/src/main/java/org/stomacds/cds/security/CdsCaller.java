package org.stomacds.cds.security;

/**
 * The EHR that made an authenticated CDS Hooks call.
 *
 * @param issuer the token's {@code iss}, one of the trusted issuers
 * @param subject the token's {@code sub} (the EHR's client id)
 * @param tenant the token's {@code tenant}, or null
 */
public record CdsCaller(String issuer, String subject, String tenant) {

  /** Request attribute under which the filter leaves the caller. */
  public static final String ATTRIBUTE = CdsCaller.class.getName();
}
