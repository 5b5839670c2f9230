package org.stomacds.cds.wire;

/**
 * The client's {@code fhirAuthorization}: a bearer token for its FHIR server, used for the calls of
 * one request only. Never logged, never stored: {@link #toString()} leaves the token out.
 */
public record FhirAuthorization(
    String accessToken, String tokenType, String scope, String subject) {
  @Override
  public String toString() {
    return "FhirAuthorization[tokenType=" + tokenType + ", scope=" + scope + ", accessToken=***]";
  }
}
