package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** NCCI PTP edits of one release, by table, column 1, column 2. */
public final class PtpData {
  static final List<String> COLUMNS =
      List.of("table", "column_1", "column_2", "modifier_indicator", "deletion_date", "rationale");

  private final Map<String, Map<String, Map<String, List<PtpEdit>>>> edits = new HashMap<>();
  private int size;

  public int size() {
    return size;
  }

  /** The edit active on a date for the pair, most restrictive first (0 before 1), or null. */
  public PtpEdit active(String table, String column1, String column2, LocalDate date) {
    PtpEdit found = null;
    for (PtpEdit edit : rows(table, column1, column2)) {
      if (edit.activeOn(date)
          && (found == null || edit.modifierIndicator() < found.modifierIndicator())) {
        found = edit;
      }
    }
    return found;
  }

  /** Every row of the pair, active or not. */
  public List<PtpEdit> rows(String table, String column1, String column2) {
    Map<String, Map<String, List<PtpEdit>>> byTable = edits.get(table);
    if (byTable == null) {
      return List.of();
    }
    Map<String, List<PtpEdit>> byColumn1 = byTable.get(column1);
    if (byColumn1 == null) {
      return List.of();
    }
    return byColumn1.getOrDefault(column2, List.of());
  }

  public static PtpData read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = CsvTable.read(file, reader, COLUMNS);
    PtpData data = new PtpData();
    for (int row = 0; row < csv.size(); row++) {
      String table = CmsCsv.table(csv, row);
      String column1 = CmsCsv.code(csv, row, "column_1");
      String column2 = CmsCsv.code(csv, row, "column_2");
      int indicator = CmsCsv.integer(csv, row, "modifier_indicator");
      if (indicator != 0 && indicator != 1 && indicator != 9) {
        throw csv.error(row, "modifier_indicator must be 0, 1 or 9, not " + indicator);
      }
      LocalDate deletion = CmsCsv.date(csv, row, "deletion_date");
      PtpEdit edit =
          new PtpEdit(
              table,
              column1,
              column2,
              indicator,
              deletion,
              csv.get(row, "rationale"),
              file + ":" + csv.line(row));
      data.edits
          .computeIfAbsent(table, t -> new HashMap<>())
          .computeIfAbsent(column1, c -> new HashMap<>())
          .computeIfAbsent(column2, c -> new ArrayList<>(1))
          .add(edit);
      data.size++;
    }
    return data;
  }
}
