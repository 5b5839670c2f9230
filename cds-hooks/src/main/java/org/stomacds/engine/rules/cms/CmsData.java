package org.stomacds.engine.rules.cms;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.rules.yaml.RuleFileException;

/**
 * The CMS data of a pack as dated files: NCCI PTP edits, MUEs and fee-schedule rows, and the global
 * days of codes our fee-schedule copy lacks (a supplement, not a CMS file). For a date of service
 * the file whose dates cover it applies; past the newest file the newest applies, and the selection
 * carries a note saying so (a new quarter is a new file and a line in the pack). Immutable after
 * loading.
 */
public final class CmsData {

  private final List<Dated<PtpData>> ptp;
  private final List<Dated<MueData>> mue;
  private final List<Dated<PfsData>> pfs;
  private final List<Dated<GlobalDaysData>> globalDays;
  private final List<Dated<TabularNotes>> tabularNotes;
  private final List<Dated<CodeFamily>> codeFamily;

  public CmsData(
      List<Dated<PtpData>> ptp,
      List<Dated<MueData>> mue,
      List<Dated<PfsData>> pfs,
      List<Dated<GlobalDaysData>> globalDays,
      List<Dated<TabularNotes>> tabularNotes,
      List<Dated<CodeFamily>> codeFamily) {
    this.ptp = Dated.sorted(ptp);
    this.mue = Dated.sorted(mue);
    this.pfs = Dated.sorted(pfs);
    this.globalDays = Dated.sorted(globalDays);
    this.tabularNotes = Dated.sorted(tabularNotes);
    this.codeFamily = Dated.sorted(codeFamily);
  }

  /** Every data file, by kind then date. */
  public List<DataFile> files() {
    List<DataFile> files = new ArrayList<>();
    ptp.forEach(d -> files.add(d.file()));
    mue.forEach(d -> files.add(d.file()));
    pfs.forEach(d -> files.add(d.file()));
    globalDays.forEach(d -> files.add(d.file()));
    tabularNotes.forEach(d -> files.add(d.file()));
    codeFamily.forEach(d -> files.add(d.file()));
    return files;
  }

  /** The code family table of a date of service (the newest past the last end), or null. */
  public Selection<CodeFamily> codeFamily(LocalDate dateOfService) {
    return Dated.select(codeFamily, dateOfService);
  }

  public Selection<PtpData> ptp(LocalDate dateOfService) {
    return Dated.select(ptp, dateOfService);
  }

  public Selection<MueData> mue(LocalDate dateOfService) {
    return Dated.select(mue, dateOfService);
  }

  public Selection<PfsData> pfs(LocalDate dateOfService) {
    return Dated.select(pfs, dateOfService);
  }

  /** The ICD-10-CM Tabular notes of the fiscal year of a date of service. */
  public Selection<TabularNotes> tabularNotes(LocalDate dateOfService) {
    return Dated.select(tabularNotes, dateOfService);
  }

  /**
   * The global days of a code in the newest fee schedule that has it, else in the newest
   * global-days supplement that has it, or -1.
   */
  public int globalDays(String code) {
    for (int i = pfs.size() - 1; i >= 0; i--) {
      FeeScheduleRow row = pfs.get(i).data().row(code, "");
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
      if (file.data().row(code, "") != null) {
        return null;
      }
    }
    for (int i = globalDays.size() - 1; i >= 0; i--) {
      GlobalDaysRow row = globalDays.get(i).data().row(code);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  /** A data file that cannot be read, as a rule-file error naming it. */
  public static RuleFileException unreadable(String file, IOException e) {
    return new RuleFileException(file, 0, "cannot be read: " + e.getMessage(), e);
  }
}
