package org.stomacds.server.security;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.util.HapiExtensions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
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

  /** What a placeholder may carry besides nothing. */
  private static final Set<String> PLACEHOLDER_ELEMENTS =
      Set.of("id", "meta", "extension", "identifier");

  private final SmartScopeRules rules;
  private final FhirContext fhir;

  SmartScopeAuthorization(SmartScopeRules rules, FhirContext fhir) {
    super(PolicyEnum.DENY);
    this.rules = rules;
    this.fhir = fhir;
  }

  /**
   * A write that references a resource we do not hold makes HAPI create an empty placeholder for it
   * (see FhirServerConfig). That placeholder is HAPI's, not the caller's: it needs no write scope
   * on its type. Anything the caller sent (the resource of the request, a transaction entry) or
   * that carries data is checked as usual.
   */
  @Override
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void hookResourcePreCreate(
      RequestDetails request, IBaseResource resource, Pointcut pointcut) {
    if (isHapiPlaceholder(fhir, request, resource)) {
      return;
    }
    super.hookResourcePreCreate(request, resource, pointcut);
  }

  /** A placeholder HAPI made for a missing reference target, carrying no data of the caller. */
  static boolean isHapiPlaceholder(
      FhirContext fhir, RequestDetails request, IBaseResource resource) {
    if (!(resource instanceof DomainResource domain)
        || domain.getExtensionByUrl(HapiExtensions.EXT_RESOURCE_PLACEHOLDER) == null
        || !"true"
            .equals(
                domain
                    .getExtensionByUrl(HapiExtensions.EXT_RESOURCE_PLACEHOLDER)
                    .getValue()
                    .primitiveValue())) {
      return false;
    }
    if (request != null && sentByCaller(request.getResource(), resource)) {
      return false;
    }
    RuntimeResourceDefinition definition = fhir.getResourceDefinition(resource);
    for (BaseRuntimeChildDefinition child : definition.getChildren()) {
      if (!PLACEHOLDER_ELEMENTS.contains(child.getElementName())
          && !child.getAccessor().getValues(resource).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean sentByCaller(IBaseResource sent, IBaseResource resource) {
    if (sent == null) {
      return false;
    }
    if (sent == resource) {
      return true;
    }
    if (sent instanceof Bundle bundle) {
      return bundle.getEntry().stream().anyMatch(e -> e.getResource() == resource);
    }
    return false;
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

  static Optional<String> patient(Jwt jwt) {
    Object patient = jwt.getClaims().get("patient");
    return patient instanceof String p && FHIR_ID.matcher(p).matches()
        ? Optional.of(p)
        : Optional.empty();
  }
}
