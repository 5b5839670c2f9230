package org.stomacds.engine.rules.cms;

import java.util.List;
import org.stomacds.engine.findings.Confidence;

/**
 * One row of a global-days supplement: the global surgery period of a code that our copy of the fee
 * schedule lacks, with how far the value is established.
 *
 * @param code HCPCS/CPT code
 * @param globalDays 000, 010, 090, XXX, YYY, ZZZ (the fee schedule's values)
 * @param confidence how far the value is established (a value not copied from a CMS file is at best
 *     widely-known)
 * @param file the data file and line it came from
 */
public record GlobalDaysRow(String code, String globalDays, Confidence confidence, String file) {

  static final List<String> VALUES = List.of("000", "010", "090", "XXX", "YYY", "ZZZ", "MMM");

  /** The global period in days (0, 10, 90), or -1 when the concept does not apply. */
  public int globalPeriodDays() {
    return FeeScheduleRow.days(globalDays);
  }
}
