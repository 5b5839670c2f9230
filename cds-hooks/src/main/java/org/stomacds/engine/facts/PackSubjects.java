package org.stomacds.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The one definition of "a resource about a pack's code", shared by the hooks (which draft orders
 * to answer for), the server's write checks (which writes to evaluate) and the facts (which
 * resources are subjects).
 *
 * <p>A resource is <em>about</em> a code when it is a ServiceRequest or Procedure coded with it, or
 * a Claim with a line for it or for anesthesia care (the pack's anesthesia codes). The code is the
 * first coding of CPT or HCPCS, or of no system ({@code FhirValues.procedureCode}). A resource
 * about a code is <em>live</em> unless it was entered in error, not done (a Procedure) or revoked
 * (an order): the facts and the hooks read live resources only; the write checks evaluate every
 * resource about a code, so the open issues of one marked entered-in-error are cancelled.
 */
public final class PackSubjects {

  private final Set<String> codes;
  private final Set<String> anesthesiaCodes;

  /**
   * @param codes the procedure codes of the packs
   * @param anesthesiaCodes codes of anesthesia care for them
   */
  public PackSubjects(Collection<String> codes, Collection<String> anesthesiaCodes) {
    this.codes = Set.copyOf(codes);
    this.anesthesiaCodes = Set.copyOf(anesthesiaCodes);
  }

  /** The procedure codes. */
  public Set<String> codes() {
    return codes;
  }

  /** The codes of anesthesia care for them. */
  public Set<String> anesthesiaCodes() {
    return anesthesiaCodes;
  }

  /** Whether the resource is about one of the codes, whatever its status. */
  public boolean isAbout(Resource resource) {
    if (resource instanceof ServiceRequest order) {
      return isCode(FhirValues.procedureCode(order.getCode()));
    }
    if (resource instanceof Procedure procedure) {
      return isCode(FhirValues.procedureCode(procedure.getCode()));
    }
    if (resource instanceof Claim claim) {
      return bills(claim) || billsAnesthesia(claim);
    }
    return false;
  }

  /** Whether the resource is about one of the codes and live (see the class comment). */
  public boolean isLiveSubject(Resource resource) {
    return isAbout(resource) && isLive(resource);
  }

  /** A draft or active order for one of the codes: what a hook answers for. */
  public boolean isOrder(Resource resource) {
    return resource instanceof ServiceRequest && isLiveSubject(resource);
  }

  /** Whether any resource of the list is a live subject (a cheap look before the facts). */
  public boolean anyLiveSubject(List<? extends Resource> resources) {
    for (Resource resource : resources) {
      if (isLiveSubject(resource)) {
        return true;
      }
    }
    return false;
  }

  /** A Claim with a line for one of the codes (not only their anesthesia). */
  public boolean bills(Claim claim) {
    for (Claim.ItemComponent item : claim.getItem()) {
      if (isCode(FhirValues.procedureCode(item.getProductOrService()))) {
        return true;
      }
    }
    return false;
  }

  /** A Claim with a line of anesthesia care for the codes. */
  public boolean billsAnesthesia(Claim claim) {
    for (Claim.ItemComponent item : claim.getItem()) {
      String code = FhirValues.procedureCode(item.getProductOrService());
      if (code != null && anesthesiaCodes.contains(code)) {
        return true;
      }
    }
    return false;
  }

  private boolean isCode(String code) {
    return code != null && codes.contains(code); // an immutable set refuses contains(null)
  }

  private static boolean isLive(Resource resource) {
    if (resource instanceof ServiceRequest order) {
      ServiceRequest.ServiceRequestStatus status = order.getStatus();
      return status != ServiceRequest.ServiceRequestStatus.ENTEREDINERROR
          && status != ServiceRequest.ServiceRequestStatus.REVOKED;
    }
    if (resource instanceof Procedure procedure) {
      Procedure.ProcedureStatus status = procedure.getStatus();
      return status != Procedure.ProcedureStatus.ENTEREDINERROR
          && status != Procedure.ProcedureStatus.NOTDONE;
    }
    if (resource instanceof Claim claim) {
      return claim.getStatus() != Claim.ClaimStatus.ENTEREDINERROR;
    }
    return false;
  }
}
