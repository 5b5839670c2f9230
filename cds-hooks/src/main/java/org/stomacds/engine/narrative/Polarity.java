package org.stomacds.engine.narrative;

/** What a sentence says about the thing a phrase names. */
enum Polarity {
  /** It is there / it happened. */
  AFFIRMED,
  /** It is not there / did not happen ("no bleeding", "fluoroscopy was not used"). */
  ABSENT,
  /** The note says it was not written down ("balloon size not recorded", "unknown"). */
  UNRECORDED,
  /** Talked about, not reported as happening: risks, plans, history, things checked for. */
  HYPOTHETICAL;

  /** Said missing: absent or not recorded. */
  boolean isNegative() {
    return this == ABSENT || this == UNRECORDED;
  }
}
