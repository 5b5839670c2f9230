package org.stomacds.engine.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * The CMS data of a pack as dated files: NCCI PTP edits, MUEs and fee-schedule rows, and the global
 * days of codes our fee-schedule copy lacks (a supplement, not a CMS file). For a date of service
 * the file whose dates cover it applies; past the newest file the newest applies, and the selection
 * carries a note saying so (a new quarter is a new file and a line in the pack). Immutable after
 * loading.
 */
public final class CmsData {

  static final List<String> PTP_COLUMNS =
      List.of("table", "column_1", "column_2", "modifier_indicator", "deletion_date", "rationale");
  static final List<String> MUE_COLUMNS =
      List.of("table", "code", "mue_value", "mai", "mai_meaning");
  static final List<String> PFS_COLUMNS =
      List.of(
          "hcpcs",
          "modifier",
          "global_days",
          "nonfacility_total",
          "facility_total",
          "mult_proc",
          "endo_base");
  static final List<String> GLOBAL_DAYS_COLUMNS =
      List.of("hcpcs", "modifier", "global_days", "confidence");

  private final List<Dated<PtpData>> ptp;
  private final List<Dated<MueData>> mue;
  private final List<Dated<PfsData>> pfs;
  private final List<Dated<GlobalDaysData>> globalDays;
  private final List<Dated<TabularNotes>> tabularNotes;
  private final List<Dated<CodeFamily>> codeFamily;

  CmsData(
      List<Dated<PtpData>> ptp,
      List<Dated<MueData>> mue,
      List<Dated<PfsData>> pfs,
      List<Dated<GlobalDaysData>> globalDays,
      List<Dated<TabularNotes>> tabularNotes,
      List<Dated<CodeFamily>> codeFamily) {
    this.ptp = sorted(ptp);
    this.mue = sorted(mue);
    this.pfs = sorted(pfs);
    this.globalDays = sorted(globalDays);
    this.tabularNotes = sorted(tabularNotes);
    this.codeFamily = sorted(codeFamily);
  }

  /** Every data file, by kind then date. */
  public List<DataFile> files() {
    List<DataFile> files = new ArrayList<>();
    ptp.forEach(d -> files.add(d.file));
    mue.forEach(d -> files.add(d.file));
    pfs.forEach(d -> files.add(d.file));
    globalDays.forEach(d -> files.add(d.file));
    tabularNotes.forEach(d -> files.add(d.file));
    codeFamily.forEach(d -> files.add(d.file));
    return files;
  }

  /** The code family table of a date of service (the newest past the last end), or null. */
  public Selection<CodeFamily> codeFamily(LocalDate dateOfService) {
    return select(codeFamily, dateOfService);
  }

  public Selection<PtpData> ptp(LocalDate dateOfService) {
    return select(ptp, dateOfService);
  }

  public Selection<MueData> mue(LocalDate dateOfService) {
    return select(mue, dateOfService);
  }

  public Selection<PfsData> pfs(LocalDate dateOfService) {
    return select(pfs, dateOfService);
  }

  /** The ICD-10-CM Tabular notes of the fiscal year of a date of service. */
  public Selection<TabularNotes> tabularNotes(LocalDate dateOfService) {
    return select(tabularNotes, dateOfService);
  }

  /**
   * The global days of a code in the newest fee schedule that has it, else in the newest
   * global-days supplement that has it, or -1.
   */
  public int globalDays(String code) {
    for (int i = pfs.size() - 1; i >= 0; i--) {
      FeeScheduleRow row = pfs.get(i).data.row(code, "");
      if (row != null) {
        return row.globalPeriodDays();
      }
    }
    GlobalDaysRow row = supplementedGlobalDays(code);
    return row == null ? -1 : row.globalPeriodDays();
  }

  /**
   * The supplement row that gives a code's global days because no fee schedule loaded has the code,
   * or null (the fee schedule has it, or nothing does): what a finding resting on it must cite.
   */
  public GlobalDaysRow supplementedGlobalDays(String code) {
    for (Dated<PfsData> file : pfs) {
      if (file.data.row(code, "") != null) {
        return null;
      }
    }
    for (int i = globalDays.size() - 1; i >= 0; i--) {
      GlobalDaysRow row = globalDays.get(i).data.row(code);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private static <T> Selection<T> select(List<Dated<T>> files, LocalDate date) {
    if (files.isEmpty()) {
      return null;
    }
    if (date == null) {
      Dated<T> newest = files.get(files.size() - 1);
      return new Selection<>(
          newest.data,
          newest.file,
          "no date of service: the newest "
              + newest.file.kind().words()
              + " loaded ("
              + newest.file.release()
              + ") were applied");
    }
    Dated<T> chosen = null;
    for (Dated<T> file : files) {
      if (file.file.covers(date)) {
        chosen = file;
      }
    }
    if (chosen != null) {
      return new Selection<>(chosen.data, chosen.file, null);
    }
    Dated<T> newest = files.get(files.size() - 1);
    if (newest.file.end() != null && date.isAfter(newest.file.end())) {
      return new Selection<>(
          newest.data,
          newest.file,
          "the date of service "
              + date
              + " is past the newest "
              + newest.file.kind().words()
              + " loaded ("
              + newest.file.release()
              + ", through "
              + newest.file.end()
              + "): those were applied; check the current CMS release");
    }
    Dated<T> before = null;
    for (Dated<T> file : files) {
      if (!file.file.effective().isAfter(date)) {
        before = file;
      }
    }
    if (before != null) {
      return new Selection<>(
          before.data,
          before.file,
          "no "
              + before.file.kind().words()
              + " loaded cover "
              + date
              + ": the latest earlier release ("
              + before.file.release()
              + ") was applied");
    }
    Dated<T> oldest = files.get(0);
    return new Selection<>(
        oldest.data,
        oldest.file,
        "the date of service "
            + date
            + " is before the oldest "
            + oldest.file.kind().words()
            + " loaded ("
            + oldest.file.release()
            + ", from "
            + oldest.file.effective()
            + "): those were applied");
  }

  private static <T> List<Dated<T>> sorted(List<Dated<T>> files) {
    List<Dated<T>> copy = new ArrayList<>(files);
    copy.sort(Comparator.comparing(d -> d.file.effective()));
    return List.copyOf(copy);
  }

  /**
   * The data that applies to a date of service.
   *
   * @param data the data
   * @param file the file it came from
   * @param note null when the file covers the date; otherwise what a finding's notes should say
   */
  public record Selection<T>(T data, DataFile file, String note) {}

  record Dated<T>(DataFile file, T data) {}

  // ---- the four layouts ---------------------------------------------------------------------

  /** NCCI PTP edits of one release, by table, column 1, column 2. */
  public static final class PtpData {
    private final Map<String, Map<String, Map<String, List<PtpEdit>>>> edits = new HashMap<>();
    private int size;

    int size() {
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

    static PtpData read(String file, BufferedReader reader) throws IOException {
      CsvTable csv = CsvTable.read(file, reader, PTP_COLUMNS);
      PtpData data = new PtpData();
      for (int row = 0; row < csv.size(); row++) {
        String table = table(csv, row);
        String column1 = code(csv, row, "column_1");
        String column2 = code(csv, row, "column_2");
        int indicator = integer(csv, row, "modifier_indicator");
        if (indicator != 0 && indicator != 1 && indicator != 9) {
          throw csv.error(row, "modifier_indicator must be 0, 1 or 9, not " + indicator);
        }
        LocalDate deletion = date(csv, row, "deletion_date");
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

  /** NCCI MUEs of one release, by table and code. */
  public static final class MueData {
    private final Map<String, Map<String, MueLimit>> limits = new HashMap<>();
    private int size;

    int size() {
      return size;
    }

    public MueLimit limit(String table, String code) {
      Map<String, MueLimit> byTable = limits.get(table);
      return byTable == null ? null : byTable.get(code);
    }

    static MueData read(String file, BufferedReader reader) throws IOException {
      CsvTable csv = CsvTable.read(file, reader, MUE_COLUMNS);
      MueData data = new MueData();
      for (int row = 0; row < csv.size(); row++) {
        String table = table(csv, row);
        String code = code(csv, row, "code");
        int units = integer(csv, row, "mue_value");
        int mai = integer(csv, row, "mai");
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

  /** Fee-schedule rows of one release, by code and modifier. */
  public static final class PfsData {
    private final Map<String, Map<String, FeeScheduleRow>> rows = new HashMap<>();
    private int size;

    int size() {
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
    static PfsData read(String file, BufferedReader reader) throws IOException {
      CsvTable csv = PfsFile.read(file, reader, PFS_COLUMNS);
      PfsData data = new PfsData();
      for (int row = 0; row < csv.size(); row++) {
        String code = code(csv, row, "hcpcs");
        String modifier = csv.get(row, "modifier").toUpperCase(java.util.Locale.ROOT);
        if (!csv.get(row, "confidence").isEmpty()) {
          confidence(csv, row);
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
                    decimal(csv, row, "nonfacility_total"),
                    decimal(csv, row, "facility_total"),
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

  /**
   * Global-days supplement rows, by code: the PFS columns {@code hcpcs}, {@code modifier} (empty:
   * the global period is the code's, not a professional or technical component's) and {@code
   * global_days}, and a {@code confidence} per row in the pack's vocabulary.
   */
  public static final class GlobalDaysData {
    private final Map<String, GlobalDaysRow> rows = new HashMap<>();

    int size() {
      return rows.size();
    }

    GlobalDaysRow row(String code) {
      return rows.get(code);
    }

    static GlobalDaysData read(String file, BufferedReader reader) throws IOException {
      CsvTable csv = CsvTable.read(file, reader, GLOBAL_DAYS_COLUMNS);
      GlobalDaysData data = new GlobalDaysData();
      for (int row = 0; row < csv.size(); row++) {
        String code = code(csv, row, "hcpcs");
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
        Confidence confidence = confidence(csv, row);
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

  private static Confidence confidence(CsvTable csv, int row) {
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

  private static String table(CsvTable csv, int row) {
    String table = csv.get(row, "table");
    if (!table.equals("practitioner") && !table.equals("outpatient_hospital")) {
      throw csv.error(
          row, "table must be practitioner or outpatient_hospital, not '" + table + "'");
    }
    return table;
  }

  private static String code(CsvTable csv, int row, String column) {
    String code = csv.get(row, column).toUpperCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      throw csv.error(row, "empty " + column);
    }
    return code;
  }

  private static int integer(CsvTable csv, int row, String column) {
    String value = csv.get(row, column);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw csv.error(row, column + " must be a whole number, not '" + value + "'");
    }
  }

  /** An empty value is null (an open deletion date); CMS's {@code *} means the same. */
  private static LocalDate date(CsvTable csv, int row, String column) {
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
  private static BigDecimal decimal(CsvTable csv, int row, String column) {
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

  static RuleFileException unreadable(String file, IOException e) {
    return new RuleFileException(file, 0, "cannot be read: " + e.getMessage(), e);
  }
}
