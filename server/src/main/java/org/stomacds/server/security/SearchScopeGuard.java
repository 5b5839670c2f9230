package org.stomacds.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.stomacds.server.security.TokenGrants.Reach;

/**
 * What HAPI's authorization rules do not see: the searches hidden in a request. HAPI 8.8.0 checks
 * the resources a search <em>returns</em>, not the ones its criteria <em>touch</em>, and runs the
 * match of a conditional create, update, patch or delete without any read check. So, before HAPI
 * runs anything:
 *
 * <ul>
 *   <li>every type a search reaches through a chain, {@code _has}, {@code _include}, {@code
 *       _revinclude}, a chained {@code _sort} or {@code _list} needs read or search ({@link
 *       SearchReach}); a type the token reads only within a patient's compartment cannot be used as
 *       a criterion (its matches cannot be confined);
 *   <li>a conditional operation (If-None-Exist, {@code PUT/PATCH/DELETE Type?criteria}, and the
 *       same in transaction and batch entries) is a search: it needs read or search on the type,
 *       and its criteria pass the check above;
 *   <li>a search or conditional match with a patient-only grant must name the launch patient by the
 *       type's primary patient parameter ({@link PatientSubjects}), so it cannot match another
 *       patient's resources;
 *   <li>a transaction's reads are checked up front (HAPI runs them after committing the writes and
 *       answers a refused read with 403 in its entry only), and a transaction whose answer still
 *       holds a refused entry is refused whole.
 * </ul>
 *
 * A refusal is a 403 OperationOutcome naming the parameter and the scope it needs.
 */
final class SearchScopeGuard {

  private final SearchReach reach;
  private final PatientSubjects subjects;
  private final DaoRegistry daos;

  SearchScopeGuard(SearchReach reach, PatientSubjects subjects, DaoRegistry daos) {
    this.reach = reach;
    this.subjects = subjects;
    this.daos = daos;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void incoming(RequestDetails request, RestOperationTypeEnum operation) {
    Optional<TokenGrants> grants = TokenGrants.keep(request);
    if (grants.isEmpty() || operation == null) {
      return;
    }
    String type = request.getResourceName();
    switch (operation) {
      case SEARCH_TYPE -> search(grants.get(), type, request.getParameters(), "the search");
      case SEARCH_SYSTEM -> systemSearch(grants.get(), request.getParameters());
      case CREATE, UPDATE, PATCH, DELETE -> {
        String criteria = request.getConditionalUrl(operation);
        if (criteria != null && type != null) {
          conditional(grants.get(), type, criteria, describe(operation));
        }
      }
      default -> {
        // reads, history, operations: HAPI's rules check what they return
      }
    }
  }

  /** Every entry of a transaction or batch, before any of it runs. */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void transaction(RequestDetails request, IBaseBundle bundle) {
    Optional<TokenGrants> grants = TokenGrants.current(request);
    if (grants.isEmpty() || !(bundle instanceof Bundle fhirBundle)) {
      return;
    }
    boolean transaction = fhirBundle.getType() == Bundle.BundleType.TRANSACTION;
    int index = 0;
    for (Bundle.BundleEntryComponent entry : fhirBundle.getEntry()) {
      entry(grants.get(), entry.getRequest(), "entry " + index++, transaction);
    }
  }

  /** A transaction is all or nothing: a refused entry in its answer refuses it all. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean outgoing(RequestDetails request, IBaseResource response) {
    if (request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION
        && request.getResource() instanceof Bundle sent
        && sent.getType() == Bundle.BundleType.TRANSACTION
        && response instanceof Bundle answer) {
      for (int i = 0; i < answer.getEntry().size(); i++) {
        String status = answer.getEntry().get(i).getResponse().getStatus();
        if (status != null && status.startsWith("403")) {
          throw new ForbiddenOperationException(
              "the transaction is refused as a whole: entry " + i + " is not allowed");
        }
      }
    }
    return true;
  }

  /**
   * One entry: what the token may never ask refuses the whole Bundle; a read by id is checked here
   * only in a transaction (in a batch HAPI answers it in its own entry).
   */
  private void entry(
      TokenGrants grants,
      Bundle.BundleEntryRequestComponent request,
      String at,
      boolean transaction) {
    if (request == null || !request.hasMethod() || !request.hasUrl()) {
      return;
    }
    String url = request.getUrl();
    int question = url.indexOf('?');
    String path = question < 0 ? url : url.substring(0, question);
    String[] segments = path.replaceFirst("^/+", "").split("/");
    String type = segments[0];
    switch (request.getMethod()) {
      case GET, HEAD -> {
        if (type.isEmpty() || type.startsWith("$") || type.startsWith("_")) {
          return; // server-level: HAPI's rules
        }
        if (segments.length >= 2 && !segments[1].startsWith("_") && !segments[1].startsWith("$")) {
          if (transaction) {
            read(grants, type, segments[1], at);
          }
        } else if (segments.length == 1) {
          if (grants.readReach(type) == Reach.NONE) {
            throw refused(at + " searches " + type + ": it needs read or search on " + type, type);
          }
          search(
              grants,
              type,
              question < 0 ? Map.of() : UrlUtil.parseQueryString(url.substring(question + 1)),
              at + " (" + type + " search)");
        }
      }
      case POST -> {
        if (request.hasIfNoneExist()) {
          conditional(grants, type, request.getIfNoneExist(), at + " (conditional create)");
        }
      }
      case PUT, PATCH, DELETE -> {
        if (question >= 0) {
          conditional(grants, type, url, at + " (conditional " + request.getMethod() + ")");
        }
      }
      default -> {}
    }
  }

  /** A read by id inside a transaction: checked now, since HAPI would check it after commit. */
  private void read(TokenGrants grants, String type, String id, String at) {
    Reach read = grants.readReach(type);
    if (read == Reach.NONE) {
      throw refused(at + " reads " + type + ": it needs read on " + type, type);
    }
    if (read == Reach.ALL || !isType(type)) {
      return;
    }
    IBaseResource resource;
    try {
      resource = daos.getResourceDao(type).read(new IdType(type, id), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return; // nothing to see: the entry answers 404 or 410
    }
    if (!subjects.belongsTo(resource, grants.patient().orElseThrow())) {
      throw new ForbiddenOperationException(
          at + " reads a " + type + " that is not the launch patient's");
    }
  }

  private void systemSearch(TokenGrants grants, Map<String, String[]> parameters) {
    if (grants.readReach("*") != Reach.ALL) {
      throw refused("a search across all types needs read on every type", "*");
    }
    criteria(grants, null, parameters);
  }

  private void search(TokenGrants grants, String type, Map<String, String[]> params, String what) {
    if (type == null) {
      return;
    }
    criteria(grants, type, params);
    if (grants.readReach(type) == Reach.PATIENT) {
      requirePatient(grants, type, params, what);
    }
  }

  private void conditional(TokenGrants grants, String type, String criteria, String what) {
    Reach read = grants.readReach(type);
    if (read == Reach.NONE) {
      throw refused(
          what + " on " + type + " finds its match by a search: it needs read or search on " + type,
          type);
    }
    int question = criteria.indexOf('?');
    Map<String, String[]> params =
        UrlUtil.parseQueryString(question < 0 ? criteria : criteria.substring(question + 1));
    criteria(grants, type, params);
    if (read == Reach.PATIENT) {
      requirePatient(grants, type, params, what);
    }
  }

  private void criteria(TokenGrants grants, String type, Map<String, String[]> params) {
    for (SearchReach.Reached reached : reach.reached(type, params)) {
      Reach level = grants.readReach(reached.type());
      if (level == Reach.ALL || (level == Reach.PATIENT && !reached.criterion())) {
        continue;
      }
      String scope =
          level == Reach.PATIENT
              ? "user/ or system/ read on "
                  + reached.type()
                  + " (a patient scope cannot confine it)"
              : "read or search on " + reached.type();
      throw refused(
          "search parameter '"
              + reached.parameter()
              + "' reaches "
              + reached.type()
              + ": it needs "
              + scope,
          reached.type());
    }
  }

  /** The match must be confined to the launch patient by the type's primary parameter. */
  private void requirePatient(
      TokenGrants grants, String type, Map<String, String[]> params, String what) {
    String patient = grants.patient().orElseThrow();
    Optional<String> primary = subjects.primaryParameter(type);
    if (primary.isEmpty()) {
      throw new ForbiddenOperationException(
          what + ": a patient scope reaches no " + type + " (no patient owns that type)");
    }
    String name = primary.get();
    String[] values = params.get(name);
    boolean named =
        values != null
            && Arrays.stream(values)
                .anyMatch(v -> v.equals(patient) || v.equals("Patient/" + patient));
    if (!named) {
      String expected = name.equals(PatientSubjects.SELF) ? patient : "Patient/" + patient;
      throw new ForbiddenOperationException(
          what
              + " on "
              + type
              + " with a patient scope must name the launch patient: add "
              + name
              + "="
              + expected);
    }
  }

  private static ForbiddenOperationException refused(String message, String type) {
    String example = type.equals("*") ? "system/*.rs" : "system/" + type + ".rs";
    return new ForbiddenOperationException(message + " (e.g. " + example + ")");
  }

  private static String describe(RestOperationTypeEnum operation) {
    return switch (operation) {
      case CREATE -> "a conditional create (If-None-Exist)";
      case UPDATE -> "a conditional update";
      case PATCH -> "a conditional patch";
      default -> "a conditional delete";
    };
  }

  private boolean isType(String type) {
    return daos.isResourceTypeSupported(type);
  }
}
