package org.stomacds.engine.rules.cms;

import java.time.LocalDate;

/**
 * One NCCI procedure-to-procedure edit row.
 *
 * @param table {@code practitioner} or {@code outpatient_hospital}
 * @param column1 the column-1 code (the one that is paid)
 * @param column2 the column-2 code (the one the edit denies)
 * @param modifierIndicator 0 never payable together, 1 payable with a documented distinct-service
 *     modifier, 9 no edit
 * @param deletionDate the last date of service the edit applied to; null when active
 * @param rationale the CMS rationale
 * @param file the data file and line it came from, for evidence
 */
public record PtpEdit(
    String table,
    String column1,
    String column2,
    int modifierIndicator,
    LocalDate deletionDate,
    String rationale,
    String file) {

  /** Whether the edit applies on a date: not deleted by then, and not indicator 9. */
  public boolean activeOn(LocalDate date) {
    return modifierIndicator != 9
        && (deletionDate == null || date == null || !date.isAfter(deletionDate));
  }
}
