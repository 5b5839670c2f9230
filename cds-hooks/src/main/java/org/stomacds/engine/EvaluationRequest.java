package org.stomacds.engine;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.engine.rules.Stage;

/**
 * What to evaluate.
 *
 * @param resources every resource of the case (the Claim, Procedure, ServiceRequest, Encounter,
 *     Location, Coverage, payer Organization, Patient, Conditions, DocumentReferences,
 *     Observations, prior Procedures of the patient); references between them are resolved by
 *     {@code Type/id} within this list
 * @param stages the stages to evaluate
 * @param focus relative references of the resources the caller asks about (e.g. the draft
 *     ServiceRequest of an order-sign hook, the Claim of a write); empty means every 44405
 *     Procedure, ServiceRequest and Claim in {@code resources}
 */
public record EvaluationRequest(List<Resource> resources, Set<Stage> stages, Set<String> focus) {
  public EvaluationRequest {
    resources = List.copyOf(resources);
    stages = Set.copyOf(stages);
    focus = Set.copyOf(focus);
  }
}
