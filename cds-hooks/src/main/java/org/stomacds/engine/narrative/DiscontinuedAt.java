package org.stomacds.engine.narrative;

/** When a stopped procedure was stopped, in the terms the facility modifiers 73 and 74 use. */
public enum DiscontinuedAt {
  /** Stopped after preparation but before sedation/anesthesia and before the scope went in. */
  BEFORE_ANESTHESIA,
  /** Stopped after sedation/anesthesia was given or after the scope was inserted. */
  AFTER_ANESTHESIA_OR_INSERTION
}
