package org.stomacds.engine.narrative;

/** What a matched phrasing means for its element, beyond "it is mentioned". */
enum Tag {
  /** Documents the element when affirmed; negated when absent or not recorded. */
  PLAIN,
  /** Only speaks when the element is said to be missing ("inflation count unknown"). */
  NEG_ONLY,

  COMPLETE,
  /** A landmark of a complete exam whose absence proves nothing ("valve not seen"). */
  COMPLETE_LANDMARK,
  INCOMPLETE_STRONG,
  INCOMPLETE_WEAK,
  /** "Extent: ..." with the end point named after it. */
  EXTENT_LABEL,
  /** The procedure was stopped (also an incomplete exam). */
  DISCONTINUED,

  SED_MAC,
  SED_MODERATE,
  SED_NONE,
  SED_GENERIC,
  SED_DRUG_MAC,
  SED_DRUG_MODERATE,

  /** "complications", "adverse events": documents when said absent, or followed by content. */
  COMP_GENERIC,
  /** "uncomplicated", "without incident". */
  COMP_NONE,
  /** Bleeding, perforation, tear...: documents either way, and happened when affirmed. */
  COMP_EVENT,
  /** Estimated blood loss: documents, says nothing about a complication by itself. */
  COMP_EBL,
  /** A desaturation, slow pulse or low pressure: as COMP_EVENT, and coding decision 12 applies. */
  COMP_SEDATION_EVENT,
  /** The support giving sedation includes (chin lift, oxygen, a pause): a cue, no mention. */
  COMP_SUPPORT,
  /** What a sedation event needed beyond that support (bag-mask, reversal, a stop): a cue. */
  COMP_ESCALATION,
  /** A late entry (an addendum, a second session, discharged from recovery): a cue. */
  COMP_LATE_ENTRY,
  /** The patient came back after discharge (to the ED, readmitted): a cue. */
  COMP_CAME_BACK,
  /** The provider calls an event a complication ("recorded as a complication"): a cue. */
  COMP_CALLED,
  /** A word that waives what a sedation event needed ("no bag-mask", "was not required"): a cue. */
  COMP_WAIVED,

  LUMEN_PIN,
  LUMEN_PASS_NEG,
  LUMEN_PASS_POS,
  LUMEN_NEG_ONLY,

  DIST_COUNT,
  DIST_ORDINAL,
  DIST_LOCATIONS,
  DIST_SINGLE,
  /** Any mention of a stricture: there is at least one. */
  DIST_BASE,

  /** Post-procedure instructions named as such; also counts in sections where others do not. */
  INSTR_EXPLICIT;

  /** Whether a hit of this tag is only a cue another hit is judged by, never a mention. */
  boolean isCue() {
    return this == COMP_SUPPORT
        || this == COMP_ESCALATION
        || this == COMP_LATE_ENTRY
        || this == COMP_CAME_BACK
        || this == COMP_CALLED
        || this == COMP_WAIVED;
  }
}
