package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.findings.Confidence;

/**
 * The lower-GI endoscopy codes a pack chooses among ({@code rules/data/endoscopy-code-family.csv}):
 * per code the family, the route, what is examined, the therapy, the family's diagnostic base code
 * (the PFS "endoscopic base" column) and the therapies the code already includes. Codes are
 * described in our own words; the table is widely known coding knowledge, not a CMS file copy.
 */
public final class CodeFamily {

  static final List<String> COLUMNS =
      List.of(
          "hcpcs",
          "family",
          "route",
          "examines",
          "therapy",
          "base_code",
          "includes",
          "confidence",
          "summary");

  static final Set<String> ROUTES = Set.of("stoma", "anus", "either");
  public static final String DIAGNOSTIC = "diagnostic";

  /** One code of the table. */
  public record Row(
      String code,
      String family,
      String route,
      String examines,
      String therapy,
      String baseCode,
      Set<String> includes,
      Confidence confidence,
      String summary,
      String where) {

    public boolean diagnostic() {
      return DIAGNOSTIC.equals(therapy);
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  public int size() {
    return rows.size();
  }

  /** The row of a code, or null when the code is not in the table. */
  public Row row(String code) {
    return code == null ? null : rows.get(code.toUpperCase(Locale.ROOT));
  }

  /** The code of a family that carries a therapy, or null when the family has none. */
  public Row code(String family, String therapy) {
    for (Row row : rows.values()) {
      if (row.family.equals(family) && row.therapy.equals(therapy)) {
        return row;
      }
    }
    return null;
  }

  public Collection<Row> rows() {
    return rows.values();
  }

  public static CodeFamily read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = CsvTable.read(file, reader, COLUMNS);
    CodeFamily data = new CodeFamily();
    for (int i = 0; i < csv.size(); i++) {
      String code = csv.get(i, "hcpcs").toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        throw csv.error(i, "empty hcpcs");
      }
      String route = csv.get(i, "route");
      if (!ROUTES.contains(route)) {
        throw csv.error(i, "route must be one of " + ROUTES + ", not '" + route + "'");
      }
      List<String> includes = new ArrayList<>();
      for (String t : csv.get(i, "includes").split(";")) {
        if (!t.isBlank()) {
          includes.add(t.strip());
        }
      }
      Row row =
          new Row(
              code,
              required(csv, i, "family"),
              route,
              required(csv, i, "examines"),
              required(csv, i, "therapy"),
              required(csv, i, "base_code"),
              Set.copyOf(includes),
              confidence(csv, i),
              csv.get(i, "summary"),
              file + ":" + csv.line(i));
      Row previous = data.rows.put(code, row);
      if (previous != null) {
        throw csv.error(i, code + " is already at " + previous.where());
      }
    }
    for (int i = 0; i < csv.size(); i++) {
      String base = csv.get(i, "base_code");
      Row baseRow = data.rows.get(base);
      if (baseRow == null || !baseRow.diagnostic()) {
        throw csv.error(i, "base_code " + base + " is not a diagnostic code of the table");
      }
    }
    return data;
  }

  private static String required(CsvTable csv, int row, String column) {
    String value = csv.get(row, column);
    if (value.isEmpty()) {
      throw csv.error(row, "empty " + column);
    }
    return value;
  }

  private static Confidence confidence(CsvTable csv, int row) {
    String value = csv.get(row, "confidence");
    for (Confidence c : Confidence.values()) {
      if (c.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(value)) {
        return c;
      }
    }
    throw csv.error(row, "unknown confidence '" + value + "'");
  }
}
