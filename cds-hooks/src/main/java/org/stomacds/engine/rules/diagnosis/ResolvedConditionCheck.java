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
import org.stomacds.engine.rules.MessageTemplate;
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
  private final MessageTemplate noLongerPresent;
  private final MessageTemplate abated;
  private final MessageTemplate remove;
  private final MessageTemplate codeInstead;

  ResolvedConditionCheck(Parameters p, RuleDefinition rule) {
    this.noLongerPresent = p.message("gone", "diagnosis", "status", "since");
    this.abated = p.message("abated", "date");
    this.remove = p.message("remove");
    this.codeInstead = p.message("code-instead", "codes");
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
      String since =
          gone.abated() == null ? "" : " " + context.message(abated, "date", gone.abated());
      context
          .finding(diagnosis.resource(), diagnosis.expression())
          .message(
              context.message(
                      noLongerPresent,
                      "diagnosis",
                      diagnosis.code(),
                      "status",
                      gone.clinicalStatus(),
                      "since",
                      since)
                  + " "
                  + (replacement.isEmpty()
                      ? context.message(remove)
                      : context.message(codeInstead, "codes", String.join(" and ", replacement))))
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
