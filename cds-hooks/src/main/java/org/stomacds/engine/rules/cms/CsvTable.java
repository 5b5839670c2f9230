package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * A CSV file in a CMS column layout: a header row naming the columns, then one row per line.
 * Columns are found by name, so extra columns and a different column order are fine; a missing
 * column fails with the file and line of the header.
 */
public final class CsvTable {

  private final String file;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();

  private CsvTable(String file) {
    this.file = file;
  }

  public static CsvTable read(String file, BufferedReader reader, List<String> required)
      throws IOException {
    return read(file, reader, required, 1);
  }

  /**
   * Reads a table whose header row is line {@code headerLine} of the file (what comes before it was
   * read by the caller), so errors name the file's own line numbers.
   */
  public static CsvTable read(
      String file, BufferedReader reader, List<String> required, int headerLine)
      throws IOException {
    CsvTable table = new CsvTable(file);
    String header = reader.readLine();
    if (header == null) {
      throw new RuleFileException(file, 1, "the file is empty: expected a header row");
    }
    if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
      header = header.substring(1);
    }
    String[] names = split(header, file, headerLine);
    for (int i = 0; i < names.length; i++) {
      table.columns.put(names[i].strip().toLowerCase(java.util.Locale.ROOT), i);
    }
    for (String column : required) {
      if (!table.columns.containsKey(column)) {
        throw new RuleFileException(
            file,
            headerLine,
            "missing column '" + column + "' (the file must have: " + required + ")");
      }
    }
    String line;
    int number = headerLine;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      table.rows.add(split(line, file, number));
      table.lines.add(number);
    }
    return table;
  }

  public int size() {
    return rows.size();
  }

  int line(int row) {
    return lines.get(row);
  }

  String file() {
    return file;
  }

  /** The stripped value of a column in a row; empty when the row is short. */
  public String get(int row, String column) {
    Integer index = columns.get(column);
    String[] values = rows.get(row);
    if (index == null || index >= values.length) {
      return "";
    }
    return values[index].strip();
  }

  RuleFileException error(int row, String message) {
    return new RuleFileException(file, line(row), message);
  }

  /** Splits one CSV line; double quotes enclose values with commas, {@code ""} is a quote. */
  static String[] split(String line, String file, int number) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            value.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          value.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    if (quoted) {
      throw new RuleFileException(file, number, "unterminated quoted value");
    }
    values.add(value.toString());
    return values.toArray(new String[0]);
  }
}
