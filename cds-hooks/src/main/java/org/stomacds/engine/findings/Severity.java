package org.stomacds.engine.findings;

/** How much a finding puts payment at risk. Never "critical": these are billing findings. */
public enum Severity {
  /** The claim will be denied or paid wrongly as it stands. */
  ERROR,
  /** Payment is at risk; a person should look before the claim goes out. */
  WARNING,
  /** Worth knowing; no payment risk on its own. */
  INFO
}
