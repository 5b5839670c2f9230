package org.stomacds.engine.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.cds.card.ClaimCorrector;
import org.stomacds.engine.Engines;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.rules.Stage;

/** Follows every card of a claim at once and checks that the corrections agree. */
final class Corrections {

  private Corrections() {}

  /** Null when the corrections agree; otherwise what went wrong. */
  static String check(String id, List<Resource> resources) {
    List<Finding> findings = evaluate(resources);
    List<Fix> fixes = recommendedClaimFixes(findings);
    if (fixes.isEmpty()) {
      return null;
    }
    Claim claim = claim(resources);
    Claim corrected;
    try {
      corrected = new ClaimCorrector().apply(claim, fixes);
    } catch (IllegalArgumentException e) {
      return id + ": the cards' changes do not apply together: " + e.getMessage() + " " + fixes;
    }
    List<Resource> after = new ArrayList<>(resources);
    after.replaceAll(r -> r == claim ? corrected : r);
    // A step by hand (a code to replace, a claim not to send) is not applied here: what the rules
    // still say about the lines it concerns is the person's to settle.
    java.util.Set<Integer> byHand = new java.util.HashSet<>();
    for (Finding f : findings) {
      for (Fix fix : f.fixes()) {
        if (fix.recommended() && fix.kind() == org.stomacds.engine.findings.FixKind.MANUAL) {
          if (fix.claimItemSequence() == null) {
            return null;
          }
          byHand.add(fix.claimItemSequence());
        }
      }
    }
    List<Fix> more = recommendedClaimFixes(evaluate(after));
    more.removeIf(fix -> byHand.contains(fix.claimItemSequence()));
    return more.isEmpty() ? null : id + ": after the cards' changes the claim still draws " + more;
  }

  private static List<Finding> evaluate(List<Resource> resources) {
    return Engines.standard()
        .evaluate(new EvaluationRequest(resources, Set.of(Stage.CLAIM), Set.of()))
        .findings();
  }

  private static Claim claim(List<Resource> resources) {
    return (Claim) resources.stream().filter(r -> r instanceof Claim).findFirst().orElseThrow();
  }

  /** The claim changes each finding recommends (its first choice in each alternative group). */
  private static List<Fix> recommendedClaimFixes(List<Finding> findings) {
    List<Fix> out = new ArrayList<>();
    for (Finding f : findings) {
      for (Fix fix : f.fixes()) {
        if (fix.recommended() && ClaimCorrector.changesClaim(fix.kind())) {
          out.add(fix);
        }
      }
    }
    return out;
  }
}
