package org.stomacds.engine.payer;

/** The payers the rule pack knows by name. Everything else is {@link #UNKNOWN}. */
public enum PayerKey {
  MEDICARE("Medicare"),
  AETNA("Aetna"),
  BCBS("Blue Cross Blue Shield"),
  CIGNA("Cigna"),
  UNITEDHEALTHCARE("UnitedHealthcare"),
  UNKNOWN("an unidentified payer");

  private final String label;

  PayerKey(String label) {
    this.label = label;
  }

  /** Our words for the payer, for sentences. */
  public String label() {
    return label;
  }
}
