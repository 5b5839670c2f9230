package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fee-schedule rows of one release, by code and modifier. */
public final class PfsData {
  static final List<String> COLUMNS =
      List.of(
          "hcpcs",
          "modifier",
          "global_days",
          "nonfacility_total",
          "facility_total",
          "mult_proc",
          "endo_base");

  private final Map<String, Map<String, FeeScheduleRow>> rows = new HashMap<>();
  private int size;

  public int size() {
    return size;
  }

  public FeeScheduleRow row(String code, String modifier) {
    Map<String, FeeScheduleRow> byCode = rows.get(code);
    return byCode == null ? null : byCode.get(modifier == null ? "" : modifier);
  }

  /**
   * Reads our extract or the full quarterly CMS file ({@link PfsFile}); a {@code confidence}
   * column, when present, holds the pack's words for each row.
   */
  public static PfsData read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = PfsFile.read(file, reader, COLUMNS);
    PfsData data = new PfsData();
    for (int row = 0; row < csv.size(); row++) {
      String code = CmsCsv.code(csv, row, "hcpcs");
      String modifier = csv.get(row, "modifier").toUpperCase(java.util.Locale.ROOT);
      if (!csv.get(row, "confidence").isEmpty()) {
        CmsCsv.confidence(csv, row);
      }
      data.rows
          .computeIfAbsent(code, c -> new HashMap<>())
          .put(
              modifier,
              new FeeScheduleRow(
                  code,
                  modifier,
                  csv.get(row, "status").toUpperCase(java.util.Locale.ROOT),
                  csv.get(row, "global_days").toUpperCase(java.util.Locale.ROOT),
                  CmsCsv.decimal(csv, row, "nonfacility_total"),
                  CmsCsv.decimal(csv, row, "facility_total"),
                  csv.get(row, "pctc"),
                  csv.get(row, "mult_proc"),
                  csv.get(row, "bilateral"),
                  csv.get(row, "assistant"),
                  csv.get(row, "co_surgeon"),
                  csv.get(row, "team"),
                  csv.get(row, "endo_base").toUpperCase(java.util.Locale.ROOT),
                  file + ":" + csv.line(row)));
      data.size++;
    }
    return data;
  }
}
