package org.stomacds.cds.security;

import java.util.List;
import org.stomacds.cds.security.CdsSecurityProperties.JkuKeySource;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;

/**
 * A trusted issuer for tests, built from what the test is about: where its keys are, and only the
 * settings that differ from the defaults an operator would get (no {@code jku}, keys fetched,
 * {@code sub} required, no tenant, any subject).
 */
final class TrustedIssuers {

  private final String iss;
  private final String jwksUri;
  private final String jwksFile;
  private List<String> jku = List.of();
  private JkuKeySource jkuKeys = JkuKeySource.FETCH;
  private boolean allowMissingSub;
  private String tenant;
  private List<String> subjects = List.of();

  private TrustedIssuers(String iss, String jwksUri, String jwksFile) {
    this.iss = iss;
    this.jwksUri = jwksUri;
    this.jwksFile = jwksFile;
  }

  /** An issuer whose key set is fetched from {@code jwksUri}. */
  static TrustedIssuers keysAt(String iss, String jwksUri) {
    return new TrustedIssuers(iss, jwksUri, null);
  }

  /** An issuer whose key set is read from a file (nothing fetched). */
  static TrustedIssuers keysIn(String iss, String jwksFile) {
    return new TrustedIssuers(iss, null, jwksFile);
  }

  TrustedIssuers jku(String... allowed) {
    this.jku = List.of(allowed);
    return this;
  }

  TrustedIssuers jkuKeys(JkuKeySource source) {
    this.jkuKeys = source;
    return this;
  }

  TrustedIssuers allowMissingSub(boolean allow) {
    this.allowMissingSub = allow;
    return this;
  }

  TrustedIssuers tenant(String tenant) {
    this.tenant = tenant;
    return this;
  }

  TrustedIssuers subjects(String... subjects) {
    this.subjects = List.of(subjects);
    return this;
  }

  TrustedIssuer build() {
    return new TrustedIssuer(
        iss, jwksUri, jwksFile, jku, jkuKeys, allowMissingSub, tenant, subjects);
  }
}
