package org.stomacds.engine.rules.payer;

import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.OnFile;
import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code payer-notification}: whether the payer must be told (or must authorize) before the
 * procedure. With {@code policy: required} the rule's {@code message} states the payer's
 * requirement and fires when no notification or authorization is on file; with {@code policy: none}
 * it says that no payer-specific policy is on file (never an invented one).
 */
final class PayerNotificationCheck implements Check {

  private final boolean required;
  private final String message;
  private final String fixLabel;
  private final MessageTemplate nothingOnFile;
  private final MessageTemplate noPolicy;
  private final MessageTemplate payerBasis;

  PayerNotificationCheck(Parameters p, RuleDefinition rule) {
    this.nothingOnFile = p.message("nothing-on-file");
    this.noPolicy = p.message("no-policy-on-file");
    this.payerBasis = p.message("payer-basis", "basis");
    this.required = p.choice("policy", List.of("required", "none"), "none").equals("required");
    this.message = required ? p.text("message") : p.text("message", null);
    this.fixLabel = rule.fix();
  }

  @Override
  public void onOrder(OrderFacts order, RuleContext context) {
    if (order.payerAuthorization().present()) {
      return;
    }
    report(order.ref(), "ServiceRequest.insurance", order.payerAuthorization(), context);
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (!required || claim.payerAuthorization().present()) {
      return;
    }
    report(claim.ref(), "Claim.insurance", claim.payerAuthorization(), context);
  }

  private void report(String resource, String expression, OnFile onFile, RuleContext context) {
    RuleContext.FindingBuilder finding = context.finding(resource, expression);
    if (required) {
      finding
          .message(context.fill(message) + " " + context.message(nothingOnFile))
          .fix(Fixes.notifyPayer(context.fill(fixLabel)));
    } else {
      String text = message != null ? context.fill(message) : context.message(noPolicy);
      finding.message(text).fix(Fixes.manual(null, context.fill(fixLabel), true, null));
      if (context.payer().key() == PayerKey.UNKNOWN) {
        for (String basis : context.payer().basis()) {
          finding.note(context.message(payerBasis, "basis", basis));
        }
      }
    }
    finding.emit();
  }
}
