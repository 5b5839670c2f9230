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
  PLAN;

  /** Whether a sentence here talks about this procedure's own events (not plans, past, risks). */
  boolean describesThisProcedure() {
    return this != INDICATION && this != HISTORY && this != CONSENT && this != PLAN;
  }

  boolean isSedation() {
    return this == SEDATION || this == SEDATION_TIME;
  }

  /** Short labels of the indication in terse and templated notes ("Ind:", "Sx:", "Pre-op:"). */
  private static final java.util.Set<String> INDICATION_ABBREVIATIONS =
      java.util.Set.of(
          "ind",
          "inds",
          "indic",
          "sx",
          "symptoms",
          "presentation",
          "pre-op",
          "preop",
          "pre op",
          "problem",
          "reason");

  static Section ofLabel(String label) {
    String l = label.trim();
    if (has(l, "complication", "adverse event", "untoward", "blood loss")
        || l.equals("ebl")
        || l.equals("cx")
        || l.equals("comps")
        || l.startsWith("ebl ")) {
      return COMPLICATIONS;
    }
    boolean diagnosis = l.contains("diagnos") || l.equals("dx") || l.endsWith(" dx");
    if (has(l, "indication", "reason for", "chief complaint", "referral reason", "presenting")
        || INDICATION_ABBREVIATIONS.contains(l)
        || l.equals("reason")
        || (diagnosis && !l.contains("post") && !l.contains("final") && !l.contains("discharge"))) {
      return INDICATION;
    }
    if (has(l, "sedation", "anesthesia", "anaesthesia", "intraservice", "intra-service")) {
      return has(l, "time", "start", "stop", "end", "began", "duration", "minute")
          ? SEDATION_TIME
          : SEDATION;
    }
    if (has(l, "medication", "meds") && !has(l, "home", "current", "discharge", "allerg")) {
      return SEDATION;
    }
    if (has(l, "history", "hpi", "pmh", "background")) {
      return HISTORY;
    }
    if (has(l, "consent", "risks")) {
      return CONSENT;
    }
    if (has(
        l,
        "plan",
        "recommendation",
        "disposition",
        "instruction",
        "discharge",
        "follow-up",
        "follow up",
        "followup",
        "aftercare")) {
      return PLAN;
    }
    return OTHER;
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
