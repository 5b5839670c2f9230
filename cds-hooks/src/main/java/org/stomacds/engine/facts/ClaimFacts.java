package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Claim that bills the subject code, with what the rules need around it.
 *
 * @param ref the Claim, as a relative reference
 * @param type professional or institutional
 * @param lines every line of the claim, in order
 * @param diagnoses {@code Claim.diagnosis}, in order
 * @param coverage the focal insurance's coverage and payer
 * @param abn an Advance Beneficiary Notice on file for the case
 * @param payerAuthorization a payer notification or authorization on file for the case
 * @param procedures the Procedures of the subject code this claim bills
 * @param documentation the documentation of those procedures (or, when there are none, of the notes
 *     linked to the claim's encounter)
 * @param setting where the service was done
 * @param priorProcedures earlier procedures whose global period covers the date of service
 * @param dateOfService the date of service of the first subject-code line
 * @param patient the patient the claim is for
 * @param problems the patient's problem list (the Conditions of the patient in the case)
 */
public record ClaimFacts(
    String ref,
    ClaimType type,
    List<ClaimLine> lines,
    List<Diagnosis> diagnoses,
    CoverageFacts coverage,
    OnFile abn,
    OnFile payerAuthorization,
    List<ProcedureFacts> procedures,
    Documentation documentation,
    SettingFacts setting,
    List<PriorProcedure> priorProcedures,
    LocalDate dateOfService,
    PatientFacts patient,
    List<ProblemEntry> problems) {

  public ClaimFacts {
    lines = List.copyOf(lines);
    diagnoses = List.copyOf(diagnoses);
    procedures = List.copyOf(procedures);
    priorProcedures = List.copyOf(priorProcedures);
    problems = List.copyOf(problems);
  }

  /** The lines billing {@code code}, in order. */
  public List<ClaimLine> linesWithCode(String code) {
    List<ClaimLine> found = new ArrayList<>(2);
    for (ClaimLine line : lines) {
      if (code.equals(line.code())) {
        found.add(line);
      }
    }
    return found;
  }
}
