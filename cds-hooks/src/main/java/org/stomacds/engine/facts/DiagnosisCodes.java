package org.stomacds.engine.facts;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The diagnoses a CodeableConcept names (an order's reason, a claim's diagnosis, a Condition's
 * code), ICD-10-CM codes in their normal form (no dot, upper case).
 */
final class DiagnosisCodes {

  private DiagnosisCodes() {}

  /**
   * Adds one {@link Diagnosis} per coded coding.
   *
   * @param resource the resource the concept was read from, as a relative reference
   * @param expression where in it, for the evidence
   * @param sequence the claim's diagnosis sequence; 0 when there is none
   */
  static void read(
      CodeableConcept concept,
      String resource,
      String expression,
      int sequence,
      List<Diagnosis> into) {
    for (Coding coding : concept.getCoding()) {
      if (!coding.hasCode()) {
        continue;
      }
      String system = CodeSystems.canonical(coding.getSystem());
      String code =
          CodeSystems.ICD10CM.equals(system)
              ? CodeSystems.normalizeIcd10(coding.getCode())
              : coding.getCode().strip();
      into.add(new Diagnosis(system, code, resource, expression, sequence));
    }
  }
}
