package org.stomacds.engine.rules.cms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.findings.Confidence;

/** How the CMS data files spell a value: the checks every row of every layout shares. */
final class CmsCsv {

  private CmsCsv() {}

  static Confidence confidence(CsvTable csv, int row) {
    String value = csv.get(row, "confidence");
    List<String> known = new ArrayList<>();
    for (Confidence confidence : Confidence.values()) {
      String id = confidence.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      if (id.equals(value)) {
        return confidence;
      }
      known.add(id);
    }
    throw csv.error(row, "confidence must be one of " + known + ", not '" + value + "'");
  }

  static String table(CsvTable csv, int row) {
    String table = csv.get(row, "table");
    if (!table.equals("practitioner") && !table.equals("outpatient_hospital")) {
      throw csv.error(
          row, "table must be practitioner or outpatient_hospital, not '" + table + "'");
    }
    return table;
  }

  static String code(CsvTable csv, int row, String column) {
    String code = csv.get(row, column).toUpperCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      throw csv.error(row, "empty " + column);
    }
    return code;
  }

  static int integer(CsvTable csv, int row, String column) {
    String value = csv.get(row, column);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw csv.error(row, column + " must be a whole number, not '" + value + "'");
    }
  }

  /** An empty value is null (an open deletion date); CMS's {@code *} means the same. */
  static LocalDate date(CsvTable csv, int row, String column) {
    String value = csv.get(row, column);
    if (value.isEmpty() || value.equals("*")) {
      return null;
    }
    try {
      if (value.length() == 8 && value.chars().allMatch(Character::isDigit)) {
        return LocalDate.parse(
            value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6));
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw csv.error(row, "bad date '" + value + "' in " + column + ": expected YYYY-MM-DD");
    }
  }

  /** A number, or null for CMS's {@code NA}. */
  static BigDecimal decimal(CsvTable csv, int row, String column) {
    String value = csv.get(row, column);
    if (value.isEmpty() || value.equalsIgnoreCase("NA")) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw csv.error(row, column + " must be a number, not '" + value + "'");
    }
  }
}
