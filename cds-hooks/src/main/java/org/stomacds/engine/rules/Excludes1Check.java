package org.stomacds.engine.rules;

import java.util.List;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.findings.Evidence;

/**
 * {@code excludes1-pair}: a status code of the {@code status} value set and a code of the {@code
 * conflicts} value sets for the same stoma may not both be on the claim (ICD-10-CM Excludes1).
 * {@code same-stoma} maps each status code to the code prefixes of its own stoma.
 */
final class Excludes1Check implements Check {

  private final CodeSet status;
  private final List<CodeSet> conflicts;
  private final Map<String, List<String>> sameStoma;
  private final String fixLabel;

  Excludes1Check(Parameters p, RuleDefinition rule) {
    this.status = p.valueSet("status");
    this.conflicts = p.valueSets("conflicts");
    this.sameStoma = p.codeLists("same-stoma");
    for (String code : sameStoma.keySet()) {
      if (!status.containsCode(code)) {
        throw p.node("same-stoma")
            .error("same-stoma names " + code + ", which is not in " + status.id());
      }
    }
    this.fixLabel = rule.fix();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (Diagnosis statusCode : claim.diagnoses()) {
      if (!status.contains(statusCode.system(), statusCode.code())) {
        continue;
      }
      List<String> prefixes = sameStoma.getOrDefault(statusCode.code(), List.of());
      for (Diagnosis other : claim.diagnoses()) {
        if (!conflicting(other) || !startsWithAny(other.code(), prefixes)) {
          continue;
        }
        context
            .finding(statusCode.resource(), statusCode.expression())
            .message(
                statusCode.code()
                    + " (a stoma status code) is billed with "
                    + other.code()
                    + " for the same stoma: ICD-10-CM's Excludes1 note forbids the pair, because "
                    + other.code()
                    + " already says there is a stoma. Remove "
                    + statusCode.code()
                    + ".")
            .evidence(
                new Evidence(statusCode.resource(), statusCode.expression(), statusCode.code()))
            .evidence(new Evidence(other.resource(), other.expression(), other.code()))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    null,
                    CodeSystems.ICD10CM,
                    statusCode.code(),
                    context.fill(fixLabel).replace("{status}", statusCode.code()),
                    true,
                    null))
            .emit();
      }
    }
  }

  private boolean conflicting(Diagnosis diagnosis) {
    for (CodeSet set : conflicts) {
      if (set.contains(diagnosis.system(), diagnosis.code())) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String code, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
