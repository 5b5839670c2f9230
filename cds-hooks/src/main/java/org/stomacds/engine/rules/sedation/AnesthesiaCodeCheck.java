package org.stomacds.engine.rules.sedation;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code anesthesia-code}: the anesthesia code fits the session. A code kept for screening (00812)
 * needs a screening diagnosis on the claim, else the non-screening code ({@code alternative-code})
 * applies; an upper and a lower endoscopy code billed for one date by one provider are one session
 * with its own combined code ({@code combined-code}), reported once with the total time.
 */
final class AnesthesiaCodeCheck implements Check {

  private final String screeningCode;
  private final List<String> screeningDiagnoses;
  private final String alternativeCode;
  private final List<String> upperCodes;
  private final List<String> lowerCodes;
  private final String combinedCode;
  private final MessageTemplate screeningWithout;
  private final MessageTemplate upperAndLower;
  private final MessageTemplate replaceWithCombined;

  AnesthesiaCodeCheck(Parameters p, RuleDefinition rule) {
    this.screeningCode = p.text("screening-code");
    this.screeningDiagnoses = p.codes("screening-diagnoses");
    this.alternativeCode = p.text("alternative-code");
    this.upperCodes = p.codes("upper-codes");
    this.lowerCodes = p.codes("lower-codes");
    this.combinedCode = p.text("combined-code");
    this.screeningWithout =
        p.message("screening-code-without-screening", "line", "alternative", "combined");
    this.upperAndLower = p.message("upper-and-lower", "upper", "lower", "combined");
    this.replaceWithCombined = p.message("replace-with-combined", "sequence", "combined");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    boolean screening = screeningDiagnosis(claim);
    ClaimLine recoded = combined(claim, context);
    for (ClaimLine line : claim.linesWithCode(screeningCode)) {
      if (screening || line == recoded) {
        continue; // a line the combined code replaces gets that one correction, not two
      }
      context
          .finding(claim.ref(), line.expression() + ".productOrService")
          .message(
              context.message(
                  screeningWithout,
                  "line",
                  Claims.describe(line),
                  "alternative",
                  alternativeCode,
                  "combined",
                  combinedCode))
          .evidence(Claims.line(claim, line))
          .fix(
              Fixes.manual(
                  claim.ref(),
                  line,
                  CodeSystems.CPT,
                  alternativeCode,
                  "Replace "
                      + screeningCode
                      + " with "
                      + alternativeCode
                      + " on line "
                      + line.sequence(),
                  true,
                  null))
          .emit();
    }
  }

  /** The lower-endoscopy line replaced by the combined code, or null. */
  private ClaimLine combined(ClaimFacts claim, RuleContext context) {
    List<ClaimLine> upper = new ArrayList<>(1);
    List<ClaimLine> lower = new ArrayList<>(1);
    for (ClaimLine line : claim.lines()) {
      if (upperCodes.contains(line.code())) {
        upper.add(line);
      } else if (lowerCodes.contains(line.code())) {
        lower.add(line);
      }
    }
    for (ClaimLine low : lower) {
      for (ClaimLine up : upper) {
        if (!Claims.sameDateAndProvider(low, up)) {
          continue;
        }
        context
            .finding(claim.ref(), low.expression() + ".productOrService")
            .message(
                context.message(
                    upperAndLower,
                    "upper",
                    Claims.describe(up),
                    "lower",
                    Claims.describe(low),
                    "combined",
                    combinedCode))
            .evidence(Claims.line(claim, up))
            .evidence(Claims.line(claim, low))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    low,
                    CodeSystems.CPT,
                    combinedCode,
                    context.message(
                        replaceWithCombined, "sequence", low.sequence(), "combined", combinedCode),
                    true,
                    null))
            .fix(
                Fixes.removeLine(
                    claim.ref(),
                    up,
                    "Remove line " + up.sequence() + " (" + up.code() + ")",
                    true,
                    null))
            .emit();
        return low;
      }
    }
    return null;
  }

  private boolean screeningDiagnosis(ClaimFacts claim) {
    for (Diagnosis diagnosis : claim.diagnoses()) {
      String code = diagnosis.code();
      for (String prefix : screeningDiagnoses) {
        if (code != null && code.toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
