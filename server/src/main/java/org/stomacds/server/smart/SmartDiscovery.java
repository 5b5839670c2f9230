package org.stomacds.server.smart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stomacds.server.security.ApiSecurityProperties;
import org.stomacds.server.security.ApiSecurityProperties.TokenIssuer;

/**
 * What a SMART client learns before it has a token (SMART App Launch 2.x, "Conformance"): which
 * authorization server to ask, at which endpoints, and what this server grants. We are a resource
 * server only: the authorization server is the first of {@code stomacds.security.token-issuers};
 * its endpoints and the capabilities it offers come from its configuration, the {@code
 * permission-*} capabilities and the scopes from what this server enforces ({@code
 * SmartScopeRules}).
 */
final class SmartDiscovery {

  /** What this server enforces, whatever the authorization server. */
  static final List<String> ENFORCED_CAPABILITIES =
      List.of("permission-patient", "permission-user", "permission-v1", "permission-v2");

  /**
   * Scopes this server honours (every resource type may stand for {@code *}: {@code
   * system/Claim.rs}); v2 scopes with a query are not honoured.
   */
  static final List<String> SCOPES = scopes();

  private final Optional<TokenIssuer> issuer;

  private SmartDiscovery(Optional<TokenIssuer> issuer) {
    this.issuer = issuer;
  }

  static SmartDiscovery of(ApiSecurityProperties properties) {
    return new SmartDiscovery(properties.tokenIssuers().stream().findFirst());
  }

  /** The authorization server SMART clients are sent to, if any is configured. */
  Optional<TokenIssuer> issuer() {
    return issuer;
  }

  /** The document at {@code /fhir/.well-known/smart-configuration}, if there is an issuer. */
  Optional<Map<String, Object>> configuration() {
    return issuer.map(SmartDiscovery::document);
  }

  private static Map<String, Object> document(TokenIssuer issuer) {
    boolean authorizationCode = present(issuer.authorizationEndpoint());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer.iss());
    if (present(issuer.jwksUri())) {
      doc.put("jwks_uri", issuer.jwksUri());
    }
    if (authorizationCode) {
      doc.put("authorization_endpoint", issuer.authorizationEndpoint());
    }
    if (present(issuer.tokenEndpoint())) {
      doc.put("token_endpoint", issuer.tokenEndpoint());
    }
    List<String> grants = new ArrayList<>();
    if (authorizationCode) {
      grants.add("authorization_code");
    }
    // system/ scopes are for backend services, which get tokens by client credentials.
    grants.add("client_credentials");
    doc.put("grant_types_supported", grants);
    List<String> authMethods = new ArrayList<>();
    if (issuer.capabilities().contains("client-confidential-asymmetric")) {
      authMethods.add("private_key_jwt");
    }
    if (issuer.capabilities().contains("client-confidential-symmetric")) {
      authMethods.add("client_secret_basic");
    }
    if (!authMethods.isEmpty()) {
      doc.put("token_endpoint_auth_methods_supported", authMethods);
    }
    if (authorizationCode) {
      doc.put("response_types_supported", List.of("code"));
      doc.put("code_challenge_methods_supported", List.of("S256"));
    }
    doc.put("scopes_supported", SCOPES);
    List<String> capabilities = new ArrayList<>(issuer.capabilities());
    ENFORCED_CAPABILITIES.stream()
        .filter(c -> !capabilities.contains(c))
        .forEach(capabilities::add);
    doc.put("capabilities", capabilities);
    return doc;
  }

  private static List<String> scopes() {
    List<String> scopes = new ArrayList<>();
    for (String context : List.of("patient", "user", "system")) {
      for (String permissions : List.of("read", "write", "*", "rs", "cruds")) {
        scopes.add(context + "/*." + permissions);
      }
    }
    scopes.add(ApiSecurityProperties.METRICS_SCOPE);
    return List.copyOf(scopes);
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
