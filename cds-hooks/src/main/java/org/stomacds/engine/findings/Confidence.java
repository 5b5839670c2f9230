package org.stomacds.engine.findings;

/** How far the fact behind a rule, or a document cited for it, is established. */
public enum Confidence {
  /** Read from a CMS data file (NCCI, MUE, fee schedule) loaded as dated data. */
  CMS_DATA,
  /** A public page states it. */
  SOURCED,
  /** Common coding knowledge, not checked against a primary source. */
  WIDELY_KNOWN,
  /** Plausible but unverified: a reviewer should confirm before relying on it. */
  UNCERTAIN
}
