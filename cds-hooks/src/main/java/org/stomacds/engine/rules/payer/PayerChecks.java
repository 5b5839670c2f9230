package org.stomacds.engine.rules.payer;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * The check kinds of what a payer asks: what the loader may build from this package. The checks
 * themselves stay package-private.
 */
public final class PayerChecks {

  private PayerChecks() {}

  /** The {@code medicare-abn} check. */
  public static Check medicareAbn(Parameters parameters, RuleDefinition rule) {
    return new AbnCheck(parameters, rule);
  }

  /** The {@code claim-form} check. */
  public static Check claimForm(Parameters parameters, RuleDefinition rule) {
    return new ClaimFormCheck(parameters, rule);
  }

  /** The {@code payer-notification} check. */
  public static Check payerNotification(Parameters parameters, RuleDefinition rule) {
    return new PayerNotificationCheck(parameters, rule);
  }

  /** The {@code payer-records} check. */
  public static Check payerRecords(Parameters parameters, RuleDefinition rule) {
    return new PayerRecordsCheck(parameters, rule);
  }

  /** The {@code single-line-modifier} check. */
  public static Check singleLineModifier(Parameters parameters, RuleDefinition rule) {
    return new SingleLineModifierCheck(parameters, rule);
  }
}
