package org.stomacds.engine.facts;

/**
 * A coded diagnosis as the case gives it.
 *
 * @param system the canonical code system (ICD-10-CM codes carry their dot)
 * @param code the code
 * @param resource where it was read (the Claim, Condition or ServiceRequest)
 * @param expression FHIRPath to it
 * @param sequence the {@code Claim.diagnosis.sequence}, or 0 outside a claim
 */
public record Diagnosis(
    String system, String code, String resource, String expression, int sequence) {

  public boolean isIcd10() {
    return CodeSystems.ICD10CM.equals(system);
  }
}
