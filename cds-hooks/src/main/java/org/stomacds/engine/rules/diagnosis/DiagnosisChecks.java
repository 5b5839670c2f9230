package org.stomacds.engine.rules.diagnosis;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of the diagnoses: what the loader may build from this package. The checks
 * themselves stay package-private.
 */
public final class DiagnosisChecks {

  private DiagnosisChecks() {}

  /** The {@code supporting-diagnosis} check. */
  public static Check supportingDiagnosis(Parameters parameters, RuleDefinition rule) {
    return new SupportingDiagnosisCheck(parameters, rule);
  }

  /** The {@code excludes1-pair} check. */
  public static Check excludes1Pair(Parameters parameters, RuleDefinition rule) {
    return new Excludes1Check(parameters, rule);
  }

  /** The {@code diagnosis-sequence} check. */
  public static Check diagnosisSequence(Parameters parameters, RuleDefinition rule) {
    return new DiagnosisSequenceCheck(parameters, rule);
  }

  /** The {@code resolved-condition} check. */
  public static Check resolvedCondition(Parameters parameters, RuleDefinition rule) {
    return new ResolvedConditionCheck(parameters, rule);
  }

  /** The {@code diagnosis-companion} check. */
  public static Check diagnosisCompanion(Parameters parameters, RuleDefinition rule) {
    return new DiagnosisCompanionCheck(parameters, rule);
  }
}
