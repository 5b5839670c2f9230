package org.stomacds.engine.payer;

import java.util.Arrays;
import org.stomacds.engine.rules.yaml.YamlNode;

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

  /** The payer a rule or mapping file names ({@code AETNA}); unknown names fail at their line. */
  public static PayerKey read(YamlNode node) {
    String text = node.asText();
    try {
      return valueOf(text);
    } catch (IllegalArgumentException e) {
      throw node.error("unknown payer '" + text + "' (known: " + Arrays.toString(values()) + ")");
    }
  }
}
