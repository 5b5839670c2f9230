package org.stomacds.engine.narrative;

/** The kind of sedation a note says was used. */
public enum SedationType {
  /** Moderate ("conscious") sedation, typically midazolam/fentanyl given under the endoscopist. */
  MODERATE,
  /**
   * Monitored anesthesia care, propofol, deep sedation or general anesthesia by anesthesia staff.
   */
  MAC_OR_ANESTHESIA,
  /** No sedation: unsedated, topical or local anesthetic only. */
  NONE
}
