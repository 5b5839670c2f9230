package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The patient of a case, as far as the rules need.
 *
 * @param ref the Patient, as a relative reference; null when the case has none
 * @param birthDate the date of birth; null when not given (or only partly)
 * @param history the patient's completed procedures in the case, with their codes and dates
 */
public record PatientFacts(String ref, LocalDate birthDate, List<PastProcedure> history) {

  public static final PatientFacts UNKNOWN = new PatientFacts(null, null);

  public PatientFacts {
    history = history == null ? List.of() : List.copyOf(history);
  }

  public PatientFacts(String ref, LocalDate birthDate) {
    this(ref, birthDate, List.of());
  }

  /** Age in whole years on a date, or -1 when either date is unknown. */
  public int ageOn(LocalDate date) {
    if (birthDate == null || date == null || date.isBefore(birthDate)) {
      return -1;
    }
    return Period.between(birthDate, date).getYears();
  }
}
