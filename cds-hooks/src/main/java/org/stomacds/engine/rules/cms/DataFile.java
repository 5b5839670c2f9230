package org.stomacds.engine.rules.cms;

import java.time.LocalDate;

/**
 * One data file of the pack, with the dates it applies to: a CMS release in its column layout, or a
 * supplement in the same layout where our copy of a CMS file lacks rows (its source says how far it
 * is established).
 *
 * @param kind what the file holds
 * @param file its path, relative to the rule file
 * @param release the release it copies, in words ("NCCI PTP edits v30.2, 2024 Q3")
 * @param effective the first date of service it applies to
 * @param end the last date of service it applies to; null when open
 * @param sourceId the pack source that describes it
 * @param rows how many rows were loaded
 */
public record DataFile(
    DataKind kind,
    String file,
    String release,
    LocalDate effective,
    LocalDate end,
    String sourceId,
    int rows) {

  boolean covers(LocalDate date) {
    return !date.isBefore(effective) && (end == null || !date.isAfter(end));
  }

  /** The kinds of CMS data a pack loads, each in its CMS column layout. */
  public enum DataKind {
    NCCI_PTP("ncci-ptp", "NCCI procedure-to-procedure edits"),
    NCCI_MUE("ncci-mue", "NCCI medically unlikely edits"),
    PFS_RVU("pfs-rvu", "Physician Fee Schedule relative values"),
    /**
     * Global surgery days of codes the fee-schedule copy lacks, in the PFS column names ({@code
     * hcpcs}, {@code modifier}, {@code global_days}) with a confidence per row: not a CMS file, so
     * a fee-schedule row of the same code wins over it.
     */
    GLOBAL_DAYS("global-days", "global surgery days (supplement to the fee schedule)"),
    /**
     * Instructional notes of the ICD-10-CM Tabular List (Excludes1, Excludes2, inclusion terms, use
     * additional, code first, code also), one row per note and code named: {@link TabularNotes}.
     */
    ICD10CM_NOTES("icd10cm-notes", "ICD-10-CM Tabular List notes"),
    /**
     * The lower-GI endoscopy code family (route, what is examined, therapy, base code, what each
     * code includes), in our own words: not a CMS file, each row with its confidence.
     */
    CODE_FAMILY("code-family", "lower-GI endoscopy code family (route, extent, therapy)");

    private final String id;
    private final String words;

    DataKind(String id, String words) {
      this.id = id;
      this.words = words;
    }

    public String id() {
      return id;
    }

    public String words() {
      return words;
    }
  }
}
