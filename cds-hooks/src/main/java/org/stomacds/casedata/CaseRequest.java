package org.stomacds.casedata;

import java.util.List;

/**
 * What a case is about.
 *
 * @param scope how much of the record to gather
 * @param focus the resources asked about (draft orders, a Claim being written); their references
 *     are followed
 * @param patientId the patient's id (no type prefix), or null to take it from the focus
 * @param encounterId the encounter's id (no type prefix), or null to take it from the focus
 */
public record CaseRequest(
    CaseScope scope,
    List<org.hl7.fhir.r4.model.Resource> focus,
    String patientId,
    String encounterId) {

  public CaseRequest {
    focus = List.copyOf(focus);
  }
}
