package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.findings.Confidence;

/**
 * Global-days supplement rows, by code: the PFS columns {@code hcpcs}, {@code modifier} (empty: the
 * global period is the code's, not a professional or technical component's) and {@code
 * global_days}, and a {@code confidence} per row in the pack's vocabulary.
 */
public final class GlobalDaysData {
  static final List<String> COLUMNS = List.of("hcpcs", "modifier", "global_days", "confidence");

  private final Map<String, GlobalDaysRow> rows = new HashMap<>();

  public int size() {
    return rows.size();
  }

  GlobalDaysRow row(String code) {
    return rows.get(code);
  }

  public static GlobalDaysData read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = CsvTable.read(file, reader, COLUMNS);
    GlobalDaysData data = new GlobalDaysData();
    for (int row = 0; row < csv.size(); row++) {
      String code = CmsCsv.code(csv, row, "hcpcs");
      if (!csv.get(row, "modifier").isEmpty()) {
        throw csv.error(
            row,
            "a global-days row is for the code itself: leave modifier empty (a component's"
                + " row belongs in the fee schedule)");
      }
      String days = csv.get(row, "global_days").toUpperCase(java.util.Locale.ROOT);
      if (!GlobalDaysRow.VALUES.contains(days)) {
        throw csv.error(
            row, "global_days must be one of " + GlobalDaysRow.VALUES + ", not '" + days + "'");
      }
      Confidence confidence = CmsCsv.confidence(csv, row);
      GlobalDaysRow previous =
          data.rows.put(
              code, new GlobalDaysRow(code, days, confidence, file + ":" + csv.line(row)));
      if (previous != null) {
        throw csv.error(row, code + " is already at " + previous.file());
      }
    }
    return data;
  }
}
