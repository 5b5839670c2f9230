package org.stomacds.engine.rules.coding;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of the code billed against what was done: what the loader may build from this
 * package. The checks themselves stay package-private.
 */
public final class CodingChecks {

  private CodingChecks() {}

  /** The {@code code-selection} check. */
  public static Check codeSelection(Parameters parameters, RuleDefinition rule) {
    return new CodeSelectionCheck(parameters, rule);
  }

  /** The {@code incomplete-procedure} check. */
  public static Check incompleteProcedure(Parameters parameters, RuleDefinition rule) {
    return new IncompleteProcedureCheck(parameters, rule);
  }

  /** The {@code place-of-service} check. */
  public static Check placeOfService(Parameters parameters, RuleDefinition rule) {
    return new PlaceOfServiceCheck(parameters, rule);
  }
}
