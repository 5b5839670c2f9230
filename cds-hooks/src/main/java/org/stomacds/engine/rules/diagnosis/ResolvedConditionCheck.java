package org.stomacds.engine.rules.diagnosis;

import java.util.List;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.facts.ProblemEntry;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code resolved-condition}: a claim diagnosis that the patient's problem list has as gone
 * (resolved, inactive, in remission) and nowhere as present is coded as if it existed at the
 * encounter. {@code instead} maps a code prefix to what replaces it (a cancer that is gone: its
 * personal-history code, with the follow-up code first for a surveillance exam).
 */
final class ResolvedConditionCheck implements Check {

  private final Map<String, List<String>> instead;
  private final String fixLabel;

  ResolvedConditionCheck(Parameters p, RuleDefinition rule) {
    this.instead = p.codeLists("instead");
    this.fixLabel = rule.fix();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (Diagnosis diagnosis : claim.diagnoses()) {
      if (!diagnosis.isIcd10()) {
        continue;
      }
      ProblemEntry gone = null;
      boolean present = false;
      for (ProblemEntry entry : claim.problems()) {
        if (!entry.code().equals(diagnosis.code()) || !entry.system().equals(diagnosis.system())) {
          continue;
        }
        present |= entry.present();
        if (entry.gone()) {
          gone = entry;
        }
      }
      if (gone == null || present) {
        continue;
      }
      List<String> replacement = replacement(diagnosis.code());
      String since = gone.abated() == null ? "" : " (abated " + gone.abated() + ")";
      context
          .finding(diagnosis.resource(), diagnosis.expression())
          .message(
              diagnosis.code()
                  + " is billed as a condition present at this encounter, but the patient's"
                  + " problem list has it "
                  + gone.clinicalStatus()
                  + since
                  + ": a condition treated and no longer present is not coded as current. "
                  + (replacement.isEmpty()
                      ? "Remove it."
                      : "Code " + String.join(" and ", replacement) + " instead."))
          .evidence(new Evidence(diagnosis.resource(), diagnosis.expression(), diagnosis.code()))
          .evidence(
              new Evidence(gone.resource(), "Condition.clinicalStatus", gone.clinicalStatus()))
          .fix(
              Fixes.manual(
                  claim.ref(),
                  null,
                  CodeSystems.ICD10CM,
                  diagnosis.code(),
                  context.fill(fixLabel.replace("{diagnosis}", diagnosis.code())),
                  true,
                  null))
          .emit();
    }
  }

  private List<String> replacement(String code) {
    String best = null;
    for (String prefix : instead.keySet()) {
      if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? List.of() : instead.get(best);
  }
}
