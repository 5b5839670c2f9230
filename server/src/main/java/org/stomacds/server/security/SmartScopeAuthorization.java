package org.stomacds.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * HAPI's authorization interceptor fed with the rules of the caller's SMART scopes. Spring Security
 * has already verified the access token (same request thread); without one, only {@code /metadata}
 * is allowed. A refusal is HAPI's 403 with an OperationOutcome.
 */
final class SmartScopeAuthorization extends AuthorizationInterceptor {

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final SmartScopeRules rules;

  SmartScopeAuthorization(SmartScopeRules rules) {
    super(PolicyEnum.DENY);
    this.rules = rules;
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return rules.rules(List.of(), Optional.empty());
    }
    Jwt jwt = token.getToken();
    return rules.rules(scopes(jwt), patient(jwt));
  }

  /** {@code scope} (space-separated, RFC 8693) or {@code scp} (a list, some servers). */
  static List<String> scopes(Jwt jwt) {
    Object scope = jwt.getClaims().get("scope");
    if (scope == null) {
      scope = jwt.getClaims().get("scp");
    }
    if (scope instanceof String s) {
      return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
    }
    if (scope instanceof Collection<?> c) {
      return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private static Optional<String> patient(Jwt jwt) {
    Object patient = jwt.getClaims().get("patient");
    return patient instanceof String p && FHIR_ID.matcher(p).matches()
        ? Optional.of(p)
        : Optional.empty();
  }
}
