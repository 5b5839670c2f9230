package org.stomacds.cds.security;

/**
 * A CDS Hooks call refused for want of valid authentication: answered with a bare 401. The reason
 * is for the log (a category, never the token or a claim value an attacker chose).
 */
public final class CdsAuthenticationException extends RuntimeException {

  /** Why a token was refused. */
  public enum Reason {
    NO_TRUSTED_ISSUERS,
    MISSING_TOKEN,
    MALFORMED,
    ALGORITHM,
    MISSING_KID,
    UNTRUSTED_ISSUER,
    UNTRUSTED_SUBJECT,
    JKU_NOT_ALLOWED,
    KEYS_UNAVAILABLE,
    BAD_SIGNATURE,
    AUDIENCE,
    EXPIRED,
    NOT_YET_VALID,
    ISSUED_IN_FUTURE,
    LIFETIME_TOO_LONG,
    MISSING_CLAIM,
    TENANT,
    REPLAY
  }

  private final Reason reason;

  public CdsAuthenticationException(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
