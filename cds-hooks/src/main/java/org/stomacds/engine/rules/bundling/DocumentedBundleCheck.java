package org.stomacds.engine.rules.bundling;

import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ProcedureCues;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code documented-bundle}: a line that is part of another line of the same date and provider when
 * the documentation states a fact of what was done (a fact=value of {@code
 * narrative/service-facts.yaml}): the biopsy of a lesion that was then removed, the control of
 * bleeding this session's own therapy caused. These are coding rules no NCCI pair carries (the
 * codes are paid together for different lesions), so the note decides. A line with one of the
 * {@code unless-modifiers} (78, 79: another session) is left alone. The message is the rule's
 * {@code part-of-other-line}: {@code {bundled}} and {@code {with}} name the two lines.
 */
final class DocumentedBundleCheck implements Check {

  private final String cue;
  private final List<String> bundled;
  private final List<String> with;
  private final List<String> unlessModifiers;
  private final MessageTemplate message;

  DocumentedBundleCheck(Parameters p, RuleDefinition rule) {
    this.cue = p.text("cue");
    if (!ProcedureCues.known().contains(cue)) {
      throw p.node("cue")
          .error(
              "no fact=value '"
                  + cue
                  + "' in narrative/service-facts.yaml: "
                  + ProcedureCues.known());
    }
    this.bundled = p.codes("bundled");
    this.with = p.codes("with");
    this.unlessModifiers = p.has("unless-modifiers") ? p.codes("unless-modifiers") : List.of();
    this.message = p.message("part-of-other-line", "bundled", "with");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<Evidence> said = claim.documentation().cue(cue);
    if (said.isEmpty()) {
      return;
    }
    for (ClaimLine line : claim.lines()) {
      if (line.code() == null || !bundled.contains(line.code()) || carriesAny(line)) {
        continue;
      }
      ClaimLine absorbing = absorbing(claim, line);
      if (absorbing == null) {
        continue;
      }
      context
          .finding(claim.ref(), line.expression())
          .message(
              context.message(
                  message, "bundled", Claims.describe(line), "with", Claims.describe(absorbing)))
          .evidence(Claims.line(claim, absorbing))
          .evidence(Claims.line(claim, line))
          .evidence(said)
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

  private boolean carriesAny(ClaimLine line) {
    for (String modifier : unlessModifiers) {
      if (line.hasModifier(modifier)) {
        return true;
      }
    }
    return false;
  }

  private ClaimLine absorbing(ClaimFacts claim, ClaimLine line) {
    for (ClaimLine other : claim.lines()) {
      if (other != line
          && other.code() != null
          && with.contains(other.code())
          && Claims.sameDateAndProvider(line, other)) {
        return other;
      }
    }
    return null;
  }
}
