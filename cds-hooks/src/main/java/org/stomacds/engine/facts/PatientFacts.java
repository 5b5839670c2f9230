package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.time.Period;

/**
 * The patient of a case, as far as the rules need.
 *
 * @param ref the Patient, as a relative reference; null when the case has none
 * @param birthDate the date of birth; null when not given (or only partly)
 */
public record PatientFacts(String ref, LocalDate birthDate) {

  public static final PatientFacts UNKNOWN = new PatientFacts(null, null);

  /** Age in whole years on a date, or -1 when either date is unknown. */
  public int ageOn(LocalDate date) {
    if (birthDate == null || date == null || date.isBefore(birthDate)) {
      return -1;
    }
    return Period.between(birthDate, date).getYears();
  }
}
