package org.stomacds.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.stomacds.server.security.SmartScope.Permission;

/**
 * What the caller's access token allows, per resource type, for the checks HAPI's rules cannot
 * express (conditional criteria, chains, the patient a resource belongs to). A {@code user/} or
 * {@code system/} scope reaches every resource of its type ({@link Reach#ALL}); a {@code patient/}
 * scope with a {@code patient} claim only the launch patient's ({@link Reach#PATIENT}); the wider
 * of the two wins.
 */
final class TokenGrants {

  /** How far a permission on a type reaches. */
  enum Reach {
    NONE,
    PATIENT,
    ALL
  }

  private final Map<String, Set<Permission>> unrestricted = new HashMap<>();
  private final Map<String, Set<Permission>> patientOnly = new HashMap<>();
  private final Optional<String> patient;

  TokenGrants(List<String> scopes, Optional<String> patient) {
    this.patient = patient;
    for (String text : scopes) {
      SmartScope.parse(text)
          .ifPresent(
              scope -> {
                Map<String, Set<Permission>> target =
                    scope.context() == SmartScope.Context.PATIENT ? patientOnly : unrestricted;
                if (scope.context() == SmartScope.Context.PATIENT && patient.isEmpty()) {
                  return; // a patient scope without a patient grants nothing
                }
                target
                    .computeIfAbsent(scope.resourceType(), t -> EnumSet.noneOf(Permission.class))
                    .addAll(scope.permissions());
              });
    }
  }

  /** Where the grants of a request are kept for the threads HAPI hands parts of it to. */
  private static final String ATTRIBUTE = TokenGrants.class.getName();

  /**
   * The grants of this request: from Spring Security's context on the request thread, else from the
   * servlet request (HAPI 8.8.0 runs batch entries on a pool of its own, where the thread-bound
   * context is empty). Empty when the request carries no access token.
   */
  static Optional<TokenGrants> current(RequestDetails request) {
    Optional<TokenGrants> onThread = current();
    if (onThread.isPresent()) {
      return onThread;
    }
    if (request instanceof ServletRequestDetails servlet
        && servlet.getServletRequest() != null
        && servlet.getServletRequest().getAttribute(ATTRIBUTE) instanceof TokenGrants kept) {
      return Optional.of(kept);
    }
    return Optional.empty();
  }

  /** Keeps this request's grants on the servlet request, for the threads HAPI uses for it. */
  static Optional<TokenGrants> keep(RequestDetails request) {
    Optional<TokenGrants> grants = current();
    if (grants.isPresent()
        && request instanceof ServletRequestDetails servlet
        && servlet.getServletRequest() != null) {
      servlet.getServletRequest().setAttribute(ATTRIBUTE, grants.get());
    }
    return grants.isPresent() ? grants : current(request);
  }

  private static Optional<TokenGrants> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return Optional.empty();
    }
    Jwt jwt = token.getToken();
    return Optional.of(
        new TokenGrants(SmartScopeAuthorization.scopes(jwt), SmartScopeAuthorization.patient(jwt)));
  }

  Optional<String> patient() {
    return patient;
  }

  Reach reach(String type, Permission permission) {
    if (has(unrestricted, type, permission)) {
      return Reach.ALL;
    }
    return has(patientOnly, type, permission) ? Reach.PATIENT : Reach.NONE;
  }

  /** Read or search: HAPI's rules do not tell them apart, nor do we. */
  Reach readReach(String type) {
    Reach read = reach(type, Permission.READ);
    Reach search = reach(type, Permission.SEARCH);
    return read.compareTo(search) >= 0 ? read : search;
  }

  private static boolean has(Map<String, Set<Permission>> grants, String type, Permission p) {
    return grants.getOrDefault(type, Set.of()).contains(p)
        || grants.getOrDefault("*", Set.of()).contains(p);
  }
}
