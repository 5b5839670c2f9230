package org.stomacds.engine.rules;

import java.time.LocalDate;

/**
 * One CMS data file of the pack, with the dates it applies to.
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
    PFS_RVU("pfs-rvu", "Physician Fee Schedule relative values");

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
