package org.stomacds.engine.payer;

import java.util.Arrays;
import org.stomacds.engine.rules.yaml.YamlNode;

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

  /** The line of business a rule or mapping file names; an unknown one fails at its line. */
  public static LineOfBusiness read(YamlNode node) {
    String text = node.asText();
    try {
      return valueOf(text);
    } catch (IllegalArgumentException e) {
      throw node.error(
          "unknown line of business '" + text + "' (known: " + Arrays.toString(values()) + ")");
    }
  }
}
