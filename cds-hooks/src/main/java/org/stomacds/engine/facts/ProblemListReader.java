package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * The patient's problem list: every Condition of the patient in the case (not entered in error, not
 * refuted), with its clinical status and the day it abated.
 */
final class ProblemListReader {

  private ProblemListReader() {}

  static List<ProblemEntry> of(List<Condition> conditions, String patient) {
    List<ProblemEntry> entries = new ArrayList<>(conditions.size());
    for (Condition condition : conditions) {
      String subject = ResourceIndex.key(condition.getSubject());
      if (patient != null && subject != null && !patient.equals(subject)) {
        continue;
      }
      String verification = first(condition.getVerificationStatus().getCoding());
      if (verification.equals("entered-in-error") || verification.equals("refuted")) {
        continue;
      }
      String status = first(condition.getClinicalStatus().getCoding());
      LocalDate abated =
          condition.hasAbatementDateTimeType()
              ? FhirValues.day(condition.getAbatementDateTimeType())
              : null;
      for (Coding coding : condition.getCode().getCoding()) {
        if (!coding.hasCode()) {
          continue;
        }
        String system = CodeSystems.canonical(coding.getSystem());
        String code =
            CodeSystems.ICD10CM.equals(system)
                ? CodeSystems.normalizeIcd10(coding.getCode())
                : coding.getCode().strip();
        entries.add(new ProblemEntry(system, code, status, abated, ResourceIndex.ref(condition)));
      }
    }
    return List.copyOf(entries);
  }

  private static String first(List<Coding> codings) {
    for (Coding coding : codings) {
      if (coding.hasCode()) {
        return coding.getCode().strip().toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }
}
