package org.stomacds.engine.rules.cms;

/**
 * One NCCI medically unlikely edit.
 *
 * @param table {@code practitioner} or {@code outpatient_hospital}
 * @param code the code
 * @param units most units per line (MAI 1) or per date of service (MAI 2, 3)
 * @param adjudicationIndicator 1 line edit, 2 date-of-service policy edit (absolute), 3
 *     date-of-service clinical edit (can be appealed with records)
 * @param meaning CMS's words for the indicator
 * @param file the data file and line it came from
 */
public record MueLimit(
    String table, String code, int units, int adjudicationIndicator, String meaning, String file) {

  public boolean perDateOfService() {
    return adjudicationIndicator == 2 || adjudicationIndicator == 3;
  }
}
