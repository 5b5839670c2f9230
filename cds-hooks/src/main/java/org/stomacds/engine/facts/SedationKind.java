package org.stomacds.engine.facts;

/** What sedation the documentation says was given. */
public enum SedationKind {
  MODERATE,
  MAC_OR_ANESTHESIA,
  NONE
}
