package org.stomacds.engine.facts;

/** When an incomplete procedure was stopped (73 vs 74 on a facility claim). */
public enum Discontinuation {
  /** After the patient was prepared and taken to the room, before anesthesia. */
  BEFORE_ANESTHESIA,
  /** After anesthesia was given or the scope was inserted. */
  AFTER_ANESTHESIA_OR_INSERTION
}
