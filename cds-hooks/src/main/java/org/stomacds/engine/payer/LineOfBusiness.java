package org.stomacds.engine.payer;

/** The kind of coverage: the same carrier applies different rules to each. */
public enum LineOfBusiness {
  ORIGINAL_MEDICARE("Original Medicare"),
  MEDICARE_ADVANTAGE("Medicare Advantage"),
  COMMERCIAL("commercial"),
  MEDICAID("Medicaid"),
  UNKNOWN("unknown line of business");

  private final String label;

  LineOfBusiness(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
