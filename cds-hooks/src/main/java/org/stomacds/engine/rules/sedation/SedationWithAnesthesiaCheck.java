package org.stomacds.engine.rules.sedation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.SedationKind;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code sedation-with-anesthesia}: the endoscopist's moderate sedation is not reported for a
 * session in which an anesthesia professional provides anesthesia care (00811): one or the other.
 * The anesthesia is seen on this claim, on another claim of the case for the same date, or in the
 * documentation (monitored anesthesia care or general anesthesia).
 */
final class SedationWithAnesthesiaCheck implements Check {

  private final CodeSet moderate;
  private final CodeSet anesthesia;
  private final MessageTemplate sedationReplaced;

  SedationWithAnesthesiaCheck(Parameters p, RuleDefinition rule) {
    this.moderate = p.valueSet("moderate-sedation");
    this.anesthesia = p.valueSet("anesthesia-codes");
    this.sedationReplaced = p.message("sedation-replaced", "line", "codes");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<ClaimLine> sedation = new ArrayList<>(1);
    for (ClaimLine line : claim.lines()) {
      if (moderate.containsCode(line.code())) {
        sedation.add(line);
      }
    }
    if (sedation.isEmpty()) {
      return;
    }
    List<Evidence> anesthesiaSeen =
        anesthesiaCare(claim, context, anesthesia, sedation.get(0).date());
    if (anesthesiaSeen.isEmpty()) {
      return;
    }
    // One finding per sedation line (an add-on falls with its primary code), each removing its
    // own line, so that every line the payer would deny is named.
    for (ClaimLine line : sedation) {
      context
          .finding(claim.ref(), line.expression())
          .message(
              context.message(
                  sedationReplaced, "line", Claims.describe(line), "codes", codes(sedation)))
          .evidence(anesthesiaSeen)
          .evidence(Claims.line(claim, line))
          .fix(
              Fixes.removeLine(
                  claim.ref(),
                  line,
                  "Remove line " + line.sequence() + " (" + line.code() + ")",
                  true,
                  null))
          .emit();
    }
  }

  /**
   * Where anesthesia care by an anesthesia practitioner is seen for the session: an anesthesia line
   * on any claim of the case for that date, or documentation of monitored anesthesia care or
   * general anesthesia. Empty when none. The other sedation checks stay quiet on such a session
   * (its sedation lines are removed, not recoded), so that a claim gets one correction.
   */
  static List<Evidence> anesthesiaCare(
      ClaimFacts claim, RuleContext context, CodeSet anesthesia, java.time.LocalDate date) {
    List<Evidence> anesthesiaSeen = new ArrayList<>(1);
    for (ClaimFacts other : context.facts().claims()) {
      for (ClaimLine line : other.lines()) {
        if (anesthesia.containsCode(line.code()) && Objects.equals(line.date(), date)) {
          anesthesiaSeen.add(Claims.line(other, line));
        }
      }
    }
    if (claim.documentation().sedationKind().orElse(null) == SedationKind.MAC_OR_ANESTHESIA) {
      anesthesiaSeen.addAll(claim.documentation().evidence(DocumentationElement.SEDATION_TYPE));
      if (anesthesiaSeen.isEmpty()) {
        anesthesiaSeen.add(new Evidence(null, null, "the documentation describes anesthesia care"));
      }
    }
    return anesthesiaSeen;
  }

  private static String codes(List<ClaimLine> lines) {
    List<String> codes = new ArrayList<>(lines.size());
    for (ClaimLine line : lines) {
      codes.add(line.code());
    }
    return String.join(", ", codes);
  }
}
