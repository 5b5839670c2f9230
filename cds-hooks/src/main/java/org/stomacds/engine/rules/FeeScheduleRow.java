package org.stomacds.engine.rules;

import java.math.BigDecimal;

/**
 * One row of the Physician Fee Schedule relative value file (the columns the rules use).
 *
 * @param code HCPCS/CPT code
 * @param modifier the row's modifier (26, TC, 53) or empty
 * @param globalDays 000, 010, 090, XXX, YYY, ZZZ
 * @param nonFacilityTotal total RVU in an office
 * @param facilityTotal total RVU in a facility
 * @param multipleProcedure the multiple-procedure indicator
 * @param endoscopicBase the endoscopic base code, or empty
 * @param file the data file and line it came from
 */
public record FeeScheduleRow(
    String code,
    String modifier,
    String globalDays,
    BigDecimal nonFacilityTotal,
    BigDecimal facilityTotal,
    String multipleProcedure,
    String endoscopicBase,
    String file) {

  /** The global period in days (0, 10, 90), or -1 when the concept does not apply. */
  public int globalPeriodDays() {
    return days(globalDays);
  }

  /** A PFS global-days value in days (0, 10, 90), or -1 when the concept does not apply. */
  static int days(String globalDays) {
    return switch (globalDays) {
      case "000" -> 0;
      case "010" -> 10;
      case "090" -> 90;
      default -> -1;
    };
  }
}
