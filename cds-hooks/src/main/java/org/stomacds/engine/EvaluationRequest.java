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
 *     ServiceRequest of an order-sign hook, the Claim of a write); empty means every Procedure,
 *     ServiceRequest and Claim of a pack's code in {@code resources}
 * @param packs ids of the packs to run (a CDS service answers for the packs it names); empty means
 *     every loaded pack
 */
public record EvaluationRequest(
    List<Resource> resources, Set<Stage> stages, Set<String> focus, Set<String> packs) {
  public EvaluationRequest {
    resources = List.copyOf(resources);
    stages = Set.copyOf(stages);
    focus = Set.copyOf(focus);
    packs = Set.copyOf(packs);
  }

  /** Every loaded pack. */
  public EvaluationRequest(List<Resource> resources, Set<Stage> stages, Set<String> focus) {
    this(resources, stages, focus, Set.of());
  }
}
