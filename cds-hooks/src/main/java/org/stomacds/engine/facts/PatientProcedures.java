package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;

/** The patient's Procedures in a case as code selection reads them: billed ones and history. */
final class PatientProcedures {

  private PatientProcedures() {}

  /**
   * With no procedure of the subject code: the patient's procedures of a code the claim bills, on a
   * date it bills it (the endoscopy coded 44402 behind a claim billing 44402 and 44405): their
   * documentation is the documentation of the service billed.
   */
  static List<Procedure> billedBy(ResourceIndex index, Claim claim) {
    List<Procedure> found = new ArrayList<>(1);
    String patient = ResourceIndex.key(claim.getPatient());
    for (Procedure procedure : index.procedures) {
      String code = FhirValues.procedureCode(procedure.getCode());
      String subject = ResourceIndex.key(procedure.getSubject());
      LocalDate date = FhirValues.day(procedure.getPerformed());
      if (code == null
          || date == null
          || (patient != null && subject != null && !patient.equals(subject))) {
        continue;
      }
      for (Claim.ItemComponent item : claim.getItem()) {
        LocalDate billedOn = FhirValues.day(item.getServiced());
        if (billedOn == null) {
          billedOn = FhirValues.day(claim.getBillablePeriod().getStartElement());
        }
        if (code.equals(FhirValues.procedureCode(item.getProductOrService()))
            && date.equals(billedOn)
            && !found.contains(procedure)) {
          found.add(procedure);
          break;
        }
      }
    }
    return found;
  }

  /** The patient's completed procedures with a code and a date, in the case. */
  static List<PastProcedure> history(ResourceIndex index, String patient) {
    List<PastProcedure> history = new ArrayList<>(0);
    for (Procedure procedure : index.procedures) {
      String code = FhirValues.procedureCode(procedure.getCode());
      LocalDate performed = FhirValues.day(procedure.getPerformed());
      String subject = ResourceIndex.key(procedure.getSubject());
      if (procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED
          && code != null
          && performed != null
          && (subject == null || subject.equals(patient))) {
        history.add(new PastProcedure(ResourceIndex.ref(procedure), code, performed));
      }
    }
    return history;
  }
}
