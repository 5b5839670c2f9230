package org.stomacds.engine.rules.sedation;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code payer-sedation-code}: which code a payer takes for the endoscopist's own moderate sedation
 * during the subject procedure. With {@code policy-on-file: true} the payer's rule is known
 * (Medicare: G0500 instead of 99152) and the billed code is replaced; with {@code false} the
 * finding says no payer-specific policy is on file.
 */
final class PayerSedationCodeCheck implements Check {

  /** Anesthesia codes whose care for the session makes this check quiet (optional). */
  private final CodeSet unlessAnesthesia;

  private final String billed;
  private final String expected;
  private final boolean policyOnFile;
  private final MessageTemplate payerTakesOther;
  private final MessageTemplate noPolicy;
  private final MessageTemplate confirmWithPayer;

  PayerSedationCodeCheck(Parameters p, RuleDefinition rule) {
    this.unlessAnesthesia =
        p.has("unless-anesthesia-care") ? p.valueSet("unless-anesthesia-care") : null;
    this.billed = p.text("billed").toUpperCase(java.util.Locale.ROOT);
    this.expected = p.text("expected").toUpperCase(java.util.Locale.ROOT);
    this.policyOnFile = p.bool("policy-on-file", false);
    this.payerTakesOther = p.message("payer-takes-other", "billed", "expected", "sequence");
    this.noPolicy = p.message("no-policy-on-file", "billed", "expected", "sequence");
    this.confirmWithPayer = p.message("confirm-with-payer", "billed", "expected");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (unlessAnesthesia != null
        && !SedationWithAnesthesiaCheck.anesthesiaCare(
                claim, context, unlessAnesthesia, claim.dateOfService())
            .isEmpty()) {
      return; // sedation-with-anesthesia removes the sedation lines of this session
    }
    if (claim.linesWithCode(context.subjectCode()).isEmpty()) {
      return;
    }
    for (ClaimLine line : claim.linesWithCode(billed)) {
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), line.expression() + ".productOrService")
              .evidence(Claims.line(claim, line));
      if (policyOnFile) {
        finding
            .message(
                context.message(
                    payerTakesOther,
                    "billed",
                    billed,
                    "expected",
                    expected,
                    "sequence",
                    line.sequence()))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    line,
                    CodeSystems.serviceSystem(expected),
                    expected,
                    "Replace " + billed + " with " + expected + " on line " + line.sequence(),
                    true,
                    null));
      } else {
        finding
            .message(
                context.message(
                    noPolicy, "billed", billed, "expected", expected, "sequence", line.sequence()))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    line,
                    CodeSystems.serviceSystem(expected),
                    expected,
                    context.message(confirmWithPayer, "billed", billed, "expected", expected),
                    true,
                    null));
      }
      finding.emit();
    }
  }
}
