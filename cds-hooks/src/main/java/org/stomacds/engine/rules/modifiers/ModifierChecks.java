package org.stomacds.engine.rules.modifiers;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of modifiers: what the loader may build from this package. The checks themselves
 * stay package-private.
 */
public final class ModifierChecks {

  private ModifierChecks() {}

  /** The {@code repeat-session} check. */
  public static Check repeatSession(Parameters parameters, RuleDefinition rule) {
    return new RepeatSessionCheck(parameters, rule);
  }

  /** The {@code exclusive-modifiers} check. */
  public static Check exclusiveModifiers(Parameters parameters, RuleDefinition rule) {
    return new ExclusiveModifiersCheck(parameters, rule);
  }

  /** The {@code global-period} check. */
  public static Check globalPeriod(Parameters parameters, RuleDefinition rule) {
    return new GlobalPeriodCheck(parameters, rule);
  }

  /** The {@code fee-schedule-modifier} check. */
  public static Check feeScheduleModifier(Parameters parameters, RuleDefinition rule) {
    return new FeeScheduleModifierCheck(parameters, rule);
  }

  /** The {@code global-visit} check. */
  public static Check globalVisit(Parameters parameters, RuleDefinition rule) {
    return new GlobalVisitCheck(parameters, rule);
  }

  /** The {@code unexpected-modifier} check. */
  public static Check unexpectedModifier(Parameters parameters, RuleDefinition rule) {
    return new UnexpectedModifierCheck(parameters, rule);
  }

  /** The {@code liability-modifiers} check. */
  public static Check liabilityModifiers(Parameters parameters, RuleDefinition rule) {
    return new LiabilityModifierCheck(parameters, rule);
  }
}
