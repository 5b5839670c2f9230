package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * Opens a Physician Fee Schedule relative value file in either of its two layouts, as one table in
 * our column names ({@code hcpcs}, {@code modifier}, {@code global_days}, {@code bilateral}...):
 *
 * <ul>
 *   <li>our extract: one header row of those names, then a row per code and modifier;
 *   <li>the quarterly CMS file as CMS publishes it ({@code PPRRVU<yy>_<MON>.csv} of the RVU zip):
 *       banner lines, a header whose words are stacked over several lines ({@code GLOB} above
 *       {@code DAYS}), then a row per code and modifier. Drop it in the data folder and declare it
 *       in the pack's {@code data:} list with kind {@code pfs-rvu}; nothing else changes.
 * </ul>
 *
 * The CMS description column is never kept (it holds the AMA's short descriptors).
 */
final class PfsFile {

  /** The CMS header of a column (its stacked words, letters and digits only) → our name. */
  static final Map<String, String> CMS_HEADERS =
      Map.ofEntries(
          Map.entry("HCPCS", "hcpcs"),
          Map.entry("MOD", "modifier"),
          Map.entry("STATUSCODE", "status"),
          Map.entry("WORKRVU", "work_rvu"),
          Map.entry("NONFACPERVU", "nonfacility_pe_rvu"),
          Map.entry("FACILITYPERVU", "facility_pe_rvu"),
          Map.entry("MPRVU", "mp_rvu"),
          Map.entry("NONFACILITYTOTAL", "nonfacility_total"),
          Map.entry("FACILITYTOTAL", "facility_total"),
          Map.entry("PCTCIND", "pctc"),
          Map.entry("GLOBDAYS", "global_days"),
          Map.entry("MULTPROC", "mult_proc"),
          Map.entry("BILATSURG", "bilateral"),
          Map.entry("ASSTSURG", "assistant"),
          Map.entry("COSURG", "co_surgeon"),
          Map.entry("TEAMSURG", "team"),
          Map.entry("ENDOBASE", "endo_base"),
          Map.entry("CONVFACTOR", "conversion_factor"));

  /** How far into a CMS file its header row ({@code HCPCS,MOD,...}) may be. */
  static final int HEADER_SEARCH_LINES = 40;

  private PfsFile() {}

  /** The file as a table in our column names, checked for the columns the rules need. */
  static CsvTable read(String file, BufferedReader reader, List<String> required)
      throws IOException {
    List<String> before = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      String[] cells = CsvTable.split(stripBom(line), file, before.size() + 1);
      String first = cells.length == 0 ? "" : cells[0].strip().toUpperCase(Locale.ROOT);
      if (first.equals("HCPCS")) {
        if (before.isEmpty() || hasColumn(cells, "global_days")) {
          return CsvTable.read(file, prepend(line, reader), required, before.size() + 1);
        }
        String header = ourHeader(file, before, cells, before.size() + 1);
        return CsvTable.read(file, prepend(header, reader), required, before.size() + 1);
      }
      before.add(line);
      if (before.size() >= HEADER_SEARCH_LINES) {
        break;
      }
    }
    throw new RuleFileException(
        file,
        1,
        "not a fee-schedule file: no header row starting with HCPCS in its first "
            + HEADER_SEARCH_LINES
            + " lines (expected our extract's header or the CMS PPRRVU file's)");
  }

  private static boolean hasColumn(String[] cells, String name) {
    for (String cell : cells) {
      if (cell.strip().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Our header line for a CMS header row: each column's words are those of the header row and of
   * the lines just above it that name columns (a banner line names none past the description).
   */
  private static String ourHeader(String file, List<String> before, String[] last, int number) {
    List<String[]> stacked = new ArrayList<>();
    for (int i = before.size() - 1; i >= 0; i--) {
      String[] cells = CsvTable.split(stripBom(before.get(i)), file, i + 1);
      if (!namesColumns(cells)) {
        break;
      }
      stacked.add(0, cells);
    }
    stacked.add(last);
    List<String> names = new ArrayList<>(last.length);
    List<String> found = new ArrayList<>();
    for (int column = 0; column < last.length; column++) {
      StringBuilder words = new StringBuilder();
      for (String[] cells : stacked) {
        if (column < cells.length) {
          words.append(cells[column]);
        }
      }
      String key = words.toString().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
      String ours = CMS_HEADERS.get(key);
      if (ours == null || found.contains(ours)) {
        names.add("cms_column_" + (column + 1));
      } else {
        names.add(ours);
        found.add(ours);
      }
    }
    if (!found.contains("global_days")) {
      throw new RuleFileException(
          file,
          number,
          "a header row starting with HCPCS, but no GLOB DAYS column above or in it: not the"
              + " CMS PPRRVU layout");
    }
    return String.join(",", names);
  }

  /** A line of a stacked CMS header has words past the first three columns. */
  private static boolean namesColumns(String[] cells) {
    for (int i = 3; i < cells.length; i++) {
      if (!cells[i].isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** The header line, then the rest of the reader. */
  private static BufferedReader prepend(String header, BufferedReader rest) {
    return new BufferedReader(new StringReader(header + "\n")) {
      private boolean first = true;

      @Override
      public String readLine() throws IOException {
        if (first) {
          first = false;
          return stripBom(header);
        }
        return rest.readLine();
      }
    };
  }
}
