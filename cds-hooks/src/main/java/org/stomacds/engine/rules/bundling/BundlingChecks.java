package org.stomacds.engine.rules.bundling;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of bundling and units: what the loader may build from this package. The checks
 * themselves stay package-private.
 */
public final class BundlingChecks {

  private BundlingChecks() {}

  /** The {@code ncci-ptp} check. */
  public static Check ncciPtp(Parameters parameters, RuleDefinition rule) {
    return new PtpCheck(parameters, rule);
  }

  /** The {@code unnecessary-distinct-modifier} check. */
  public static Check unnecessaryDistinctModifier(Parameters parameters, RuleDefinition rule) {
    return new UnnecessaryModifierCheck(parameters, rule);
  }

  /** The {@code documented-bundle} check. */
  public static Check documentedBundle(Parameters parameters, RuleDefinition rule) {
    return new DocumentedBundleCheck(parameters, rule);
  }

  /** The {@code distinct-modifier-fit} check. */
  public static Check distinctModifierFit(Parameters parameters, RuleDefinition rule) {
    return new DistinctModifierFitCheck(parameters, rule);
  }

  /** The {@code mue-units} check. */
  public static Check mueUnits(Parameters parameters, RuleDefinition rule) {
    return new MueCheck(parameters, rule);
  }

  /** The {@code x-modifier-preferred} check. */
  public static Check xModifierPreferred(Parameters parameters, RuleDefinition rule) {
    return new XModifierCheck(parameters, rule);
  }
}
