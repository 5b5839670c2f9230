package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** NCCI MUEs of one release, by table and code. */
public final class MueData {
  static final List<String> COLUMNS = List.of("table", "code", "mue_value", "mai", "mai_meaning");

  private final Map<String, Map<String, MueLimit>> limits = new HashMap<>();
  private int size;

  public int size() {
    return size;
  }

  public MueLimit limit(String table, String code) {
    Map<String, MueLimit> byTable = limits.get(table);
    return byTable == null ? null : byTable.get(code);
  }

  public static MueData read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = CsvTable.read(file, reader, COLUMNS);
    MueData data = new MueData();
    for (int row = 0; row < csv.size(); row++) {
      String table = CmsCsv.table(csv, row);
      String code = CmsCsv.code(csv, row, "code");
      int units = CmsCsv.integer(csv, row, "mue_value");
      int mai = CmsCsv.integer(csv, row, "mai");
      if (mai < 1 || mai > 3) {
        throw csv.error(row, "mai must be 1, 2 or 3, not " + mai);
      }
      data.limits
          .computeIfAbsent(table, t -> new HashMap<>())
          .put(
              code,
              new MueLimit(
                  table,
                  code,
                  units,
                  mai,
                  csv.get(row, "mai_meaning"),
                  file + ":" + csv.line(row)));
      data.size++;
    }
    return data;
  }
}
