package org.stomacds.engine.facts;

import java.time.LocalDate;

/**
 * A condition on the patient's problem list (a Condition of the patient), as the rules compare it
 * with a claim's diagnoses.
 *
 * @param system the canonical code system (ICD-10-CM codes carry their dot)
 * @param code the code
 * @param clinicalStatus {@code Condition.clinicalStatus} (active, recurrence, relapse, inactive,
 *     remission, resolved), or empty when not stated
 * @param abated the day it abated ({@code Condition.abatement[x]} as a date), or null
 * @param resource the Condition, as a relative reference
 */
public record ProblemEntry(
    String system, String code, String clinicalStatus, LocalDate abated, String resource) {

  /**
   * Whether the problem list says the condition no longer exists (resolved, inactive, remission).
   */
  public boolean gone() {
    return clinicalStatus.equals("resolved")
        || clinicalStatus.equals("inactive")
        || clinicalStatus.equals("remission");
  }

  /** Whether the problem list says the condition is present (active, recurrence, relapse). */
  public boolean present() {
    return clinicalStatus.equals("active")
        || clinicalStatus.equals("recurrence")
        || clinicalStatus.equals("relapse");
  }
}
