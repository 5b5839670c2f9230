package org.stomacds.engine.findings;

/**
 * One public document a rule rests on, as a compliance reviewer would look it up: the document's
 * title, the section that says it, the edition or date, and where to read it.
 *
 * @param id stable id of the entry in the rule pack's {@code sources:} table (e.g. {@code
 *     cms-ncci-ptp})
 * @param title the document (e.g. "Medicare Claims Processing Manual (Pub. 100-04), Chapter 12")
 * @param section the part of it that says what the rule checks; may be null when the whole document
 *     is meant (a data file)
 * @param date the edition, release or date of the text cited (e.g. "version 30.2, effective
 *     2024-07-01"); may be null when the document states none
 * @param url where to read it (the publisher's https address); null when the document is not public
 * @param confidence how far the document establishes what it is cited for
 * @param note what a reviewer should know about the citation (e.g. a section number not checked
 *     against the current text); may be null
 */
public record Citation(
    String id,
    String title,
    String section,
    String date,
    String url,
    Confidence confidence,
    String note) {

  /** Title, section and date in one line, e.g. "Pub. 100-04, Chapter 12, §40 (2024)". */
  public String label() {
    StringBuilder label = new StringBuilder(title);
    if (section != null && !section.isBlank()) {
      label.append(", ").append(section);
    }
    if (date != null && !date.isBlank()) {
      label.append(" (").append(date).append(')');
    }
    return label.toString();
  }
}
