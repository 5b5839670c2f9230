package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.stomacds.server.security.SmartScope.Permission;
import org.stomacds.server.security.TokenGrants.Reach;

/**
 * Patient scopes by the <em>primary</em> patient reference. HAPI 8.8.0's compartment rules count a
 * resource as a patient's when any Patient-compartment parameter names them: a Claim of patient B
 * with {@code payee.party = Patient/A} is "in A's compartment", so a {@code patient/Claim.cruds}
 * token for A could write it and read it back. Here, for every type the token reaches only through
 * a patient scope:
 *
 * <ul>
 *   <li>a create, update (old and new version), patch or delete must concern a resource whose
 *       primary patient ({@link PatientSubjects}) is the launch patient, and must not reference
 *       another patient through any compartment parameter (a PUT or PATCH cannot move a resource
 *       to, or take it from, another patient);
 *   <li>every resource shown (read, search result, include) must be the launch patient's.
 * </ul>
 *
 * Only client requests are checked: our own background work (write checks) runs without a token.
 * HAPI's placeholders for missing reference targets carry no data and are left to {@link
 * SmartScopeAuthorization}.
 */
final class PatientSubjectGuard {

  private static final Set<String> CONTAINERS = Set.of("Bundle", "OperationOutcome", "Parameters");

  private final PatientSubjects subjects;
  private final FhirContext fhir;

  PatientSubjectGuard(PatientSubjects subjects, FhirContext fhir) {
    this.subjects = subjects;
    this.fhir = fhir;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(RequestDetails request, IBaseResource resource) {
    if (SmartScopeAuthorization.isHapiPlaceholder(fhir, request, resource)) {
      return;
    }
    grants(request, resource, Permission.CREATE)
        .ifPresent(patient -> requireOwn(resource, patient, "create"));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
    grants(request, resource, Permission.UPDATE)
        .ifPresent(
            patient -> {
              if (previous != null && !subjects.belongsTo(previous, patient)) {
                throw new ForbiddenOperationException(
                    "update refused: the "
                        + fhir.getResourceType(previous)
                        + " being changed is not the launch patient's");
              }
              requireOwn(resource, patient, "update");
            });
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleted(RequestDetails request, IBaseResource resource) {
    grants(request, resource, Permission.DELETE)
        .ifPresent(
            patient -> {
              if (!subjects.belongsTo(resource, patient)) {
                throw new ForbiddenOperationException(
                    "delete refused: the "
                        + fhir.getResourceType(resource)
                        + " is not the launch patient's");
              }
            });
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void show(RequestDetails request, IPreResourceShowDetails details) {
    if (!(request instanceof ServletRequestDetails)) {
      return;
    }
    Optional<TokenGrants> grants = TokenGrants.current(request);
    if (grants.isEmpty()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource = details.getResource(i);
      if (resource == null) {
        continue;
      }
      String type = fhir.getResourceType(resource);
      if (CONTAINERS.contains(type) || grants.get().readReach(type) != Reach.PATIENT) {
        continue; // all of the type, or nothing of it (HAPI's rules refuse that)
      }
      if (!subjects.belongsTo(resource, grants.get().patient().orElseThrow())) {
        throw new ForbiddenOperationException(
            "a " + type + " that is not the launch patient's cannot be shown to a patient scope");
      }
    }
  }

  /** The launch patient, when this client request reaches the type only through a patient scope. */
  private Optional<String> grants(
      RequestDetails request, IBaseResource resource, Permission permission) {
    if (!(request instanceof ServletRequestDetails) || resource == null) {
      return Optional.empty();
    }
    return TokenGrants.current(request)
        .filter(g -> g.reach(fhir.getResourceType(resource), permission) == Reach.PATIENT)
        .flatMap(TokenGrants::patient);
  }

  private void requireOwn(IBaseResource resource, String patient, String what) {
    String type = fhir.getResourceType(resource);
    if (!subjects.belongsTo(resource, patient)) {
      String param = subjects.primaryParameter(type).orElse(null);
      throw new ForbiddenOperationException(
          what
              + " refused: with a patient scope a "
              + type
              + (param == null
                  ? " cannot be written (no patient owns that type)"
                  : " must name the launch patient as its "
                      + param
                      + " (Patient/"
                      + patient
                      + ")"));
    }
    subjects
        .otherPatient(resource, patient)
        .ifPresent(
            param -> {
              throw new ForbiddenOperationException(
                  what
                      + " refused: with a patient scope a "
                      + type
                      + " may not reference another patient ("
                      + param
                      + ")");
            });
  }
}
