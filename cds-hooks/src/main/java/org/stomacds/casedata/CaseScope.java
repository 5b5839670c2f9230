package org.stomacds.casedata;

/** How much of a patient's record a case needs. */
public enum CaseScope {
  /**
   * An order being chosen or signed: the patient, their coverage (with the payer), conditions,
   * prior procedures, and the encounter with its location.
   */
  ORDER,
  /**
   * A documented encounter: everything of {@link #ORDER}, plus the encounter's procedures, claims
   * and documents (with the Binary of each attachment given by url).
   */
  ENCOUNTER
}
