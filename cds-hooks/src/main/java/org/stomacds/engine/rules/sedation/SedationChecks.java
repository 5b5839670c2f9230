package org.stomacds.engine.rules.sedation;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of moderate sedation and anesthesia: what the loader may build from this package.
 * The checks themselves stay package-private.
 */
public final class SedationChecks {

  private SedationChecks() {}

  /** The {@code anesthesia-modifiers} check. */
  public static Check anesthesiaModifiers(Parameters parameters, RuleDefinition rule) {
    return new AnesthesiaModifiersCheck(parameters, rule);
  }

  /** The {@code sedation-minimum-time} check. */
  public static Check sedationMinimumTime(Parameters parameters, RuleDefinition rule) {
    return new SedationMinimumTimeCheck(parameters, rule);
  }

  /** The {@code sedation-addon-time} check. */
  public static Check sedationAddonTime(Parameters parameters, RuleDefinition rule) {
    return new SedationAddonTimeCheck(parameters, rule);
  }

  /** The {@code payer-sedation-code} check. */
  public static Check payerSedationCode(Parameters parameters, RuleDefinition rule) {
    return new PayerSedationCodeCheck(parameters, rule);
  }

  /** The {@code age-specific-code} check. */
  public static Check ageSpecificCode(Parameters parameters, RuleDefinition rule) {
    return new AgeSpecificCodeCheck(parameters, rule);
  }

  /** The {@code sedation-with-anesthesia} check. */
  public static Check sedationWithAnesthesia(Parameters parameters, RuleDefinition rule) {
    return new SedationWithAnesthesiaCheck(parameters, rule);
  }

  /** The {@code anesthesia-code} check. */
  public static Check anesthesiaCode(Parameters parameters, RuleDefinition rule) {
    return new AnesthesiaCodeCheck(parameters, rule);
  }

  /** The {@code anesthesia-time-units} check. */
  public static Check anesthesiaTimeUnits(Parameters parameters, RuleDefinition rule) {
    return new AnesthesiaTimeCheck(parameters, rule);
  }
}
