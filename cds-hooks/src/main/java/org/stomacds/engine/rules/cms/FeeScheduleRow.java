package org.stomacds.engine.rules.cms;

import java.math.BigDecimal;

/**
 * One row of the Physician Fee Schedule relative value file (the columns the rules use). An
 * indicator the file lacks is empty.
 *
 * @param code HCPCS/CPT code
 * @param modifier the row's modifier (26, TC, 53) or empty
 * @param status the status code (A active, B bundled, C carrier priced, I not valid for Medicare, J
 *     anesthesia...)
 * @param globalDays 000, 010, 090, XXX, YYY, ZZZ
 * @param nonFacilityTotal total RVU in an office
 * @param facilityTotal total RVU in a facility
 * @param pctc the professional/technical component indicator
 * @param multipleProcedure the multiple-procedure indicator
 * @param bilateral the bilateral-surgery indicator
 * @param assistant the assistant-at-surgery indicator
 * @param coSurgeon the co-surgeon indicator
 * @param team the team-surgery indicator
 * @param endoscopicBase the endoscopic base code, or empty
 * @param file the data file and line it came from
 */
public record FeeScheduleRow(
    String code,
    String modifier,
    String status,
    String globalDays,
    BigDecimal nonFacilityTotal,
    BigDecimal facilityTotal,
    String pctc,
    String multipleProcedure,
    String bilateral,
    String assistant,
    String coSurgeon,
    String team,
    String endoscopicBase,
    String file) {

  /** The indicators a rule can name, by their column in the file. */
  public enum Indicator {
    STATUS("status", "status"),
    PCTC("pctc", "professional/technical component"),
    GLOBAL_DAYS("global_days", "global surgery"),
    MULT_PROC("mult_proc", "multiple procedure"),
    BILATERAL("bilateral", "bilateral surgery"),
    ASSISTANT("assistant", "assistant at surgery"),
    CO_SURGEON("co_surgeon", "co-surgeon"),
    TEAM("team", "team surgery"),
    ENDO_BASE("endo_base", "endoscopic base");

    private final String column;
    private final String words;

    Indicator(String column, String words) {
      this.column = column;
      this.words = words;
    }

    public String column() {
      return column;
    }

    public String words() {
      return words;
    }
  }

  /** The value of an indicator on this row (empty when the file lacks it). */
  public String indicator(Indicator indicator) {
    return switch (indicator) {
      case STATUS -> status;
      case PCTC -> pctc;
      case GLOBAL_DAYS -> globalDays;
      case MULT_PROC -> multipleProcedure;
      case BILATERAL -> bilateral;
      case ASSISTANT -> assistant;
      case CO_SURGEON -> coSurgeon;
      case TEAM -> team;
      case ENDO_BASE -> endoscopicBase;
    };
  }

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
