package org.stomacds.server.checks;

import java.util.Locale;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.terminology.Terminology;

/**
 * Tells the resources the write checks evaluate ("subjects"): a Procedure coded with the subject
 * code (44405), and a Claim with a line for it or for anesthesia of it. The code is read as the
 * rule engine reads it: the first coding of CPT or HCPCS (or of no system). Status is not looked
 * at: a subject marked entered-in-error is still evaluated, so its open issues get cancelled.
 */
final class Subjects {

  static final String ANESTHESIA_VALUE_SET = Terminology.VALUE_SET_BASE + "lower-gi-anesthesia";

  private final String subjectCode;
  private final Terminology terminology;

  Subjects(String subjectCode, Terminology terminology) {
    this.subjectCode = subjectCode;
    this.terminology = terminology;
  }

  String subjectCode() {
    return subjectCode;
  }

  boolean isSubject(Resource resource) {
    if (resource instanceof Procedure procedure) {
      return subjectCode.equals(code(procedure.getCode()));
    }
    if (resource instanceof Claim claim) {
      for (Claim.ItemComponent item : claim.getItem()) {
        String code = code(item.getProductOrService());
        if (subjectCode.equals(code) || isAnesthesia(code)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isAnesthesia(String code) {
    return code != null
        && terminology.hasValueSet(ANESTHESIA_VALUE_SET)
        && terminology.memberOf(ANESTHESIA_VALUE_SET, CodeSystems.CPT, code);
  }

  private static String code(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (coding.hasCode()
          && (!coding.hasSystem() || CodeSystems.isProcedureCodeSystem(coding.getSystem()))) {
        return coding.getCode().strip().toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }
}
