package org.stomacds.engine.narrative;

/** The part of a note a sentence sits in, from the heading above it or its own label. */
enum Section {
  OTHER,
  INDICATION,
  HISTORY,
  CONSENT,
  SEDATION,
  SEDATION_TIME,
  COMPLICATIONS,
  PLAN,
  /**
   * A line that names the procedure ("Procedure: colonoscopy through stoma with balloon dilation",
   * a note's first line "loop ileo endoscopy w balloon dil"): it documents what it names, but it is
   * not an event in the note's order, so it does not date a lumen as after the dilation.
   */
  TITLE;

  /** Whether a sentence here talks about this procedure's own events (not plans, past, risks). */
  boolean describesThisProcedure() {
    return this != INDICATION && this != HISTORY && this != CONSENT && this != PLAN;
  }

  boolean isSedation() {
    return this == SEDATION || this == SEDATION_TIME;
  }

  /** The section a label names: the table in {@code narrative/section-labels.tsv}. */
  static Section ofLabel(String label) {
    return SectionLabels.of(label);
  }

  /** Labels that start a new topic even though they map to no section of their own. */
  static boolean isTopicLabel(String label) {
    return has(
        label,
        "procedure",
        "finding",
        "impression",
        "technique",
        "description",
        "summary",
        "assessment",
        "operation",
        "report",
        "colonoscopy",
        "dilation",
        "dilatation",
        "extent",
        "instrument",
        "quality",
        "prep");
  }

  private static boolean has(String s, String... words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
