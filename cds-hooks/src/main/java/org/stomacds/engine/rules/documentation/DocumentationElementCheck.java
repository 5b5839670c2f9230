package org.stomacds.engine.rules.documentation;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.facts.UnreadableNote;
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
 * {@code documentation-element}: the documentation of the procedure must contain one element. With
 * {@code when-billed} (value sets) or {@code when-billed-codes} the element is required only when
 * the claim bills such a code; with {@code when-modifier} only when the subject line carries the
 * modifier. Conditional rules are evaluated on claims.
 */
final class DocumentationElementCheck implements Check {

  private final DocumentationElement element;
  private final List<CodeSet> whenBilled;
  private final List<String> whenBilledCodes;
  private final List<String> whenModifier;
  private final String fixLabel;
  private final boolean ofTheDilation;
  private final MessageTemplate notGiven;
  private final MessageTemplate mentionedWithoutValue;
  private final MessageTemplate neededBecause;
  private final MessageTemplate noDocumentation;
  private final MessageTemplate noteUnreadable;

  DocumentationElementCheck(Parameters p, RuleDefinition rule) {
    this.notGiven = p.message("not-given", "element");
    this.mentionedWithoutValue = p.message("mentioned-without-value", "mention");
    this.neededBecause = p.message("needed-because", "line");
    this.noDocumentation = p.message("no-documentation");
    this.noteUnreadable = p.message("note-unreadable", "note", "content-type");
    this.ofTheDilation = p.bool("of-the-dilation", false);
    this.element = p.element("element");
    this.whenBilled = p.has("when-billed") ? p.valueSets("when-billed") : List.of();
    this.whenBilledCodes = p.codes("when-billed-codes");
    this.whenModifier = p.codes("when-modifier");
    this.fixLabel = rule.fix();
  }

  DocumentationElement element() {
    return element;
  }

  boolean conditional() {
    return !whenBilled.isEmpty() || !whenBilledCodes.isEmpty() || !whenModifier.isEmpty();
  }

  @Override
  public void onProcedure(ProcedureFacts procedure, RuleContext context) {
    if (!conditional()) {
      check(procedure.ref(), procedure.documentation(), null, context);
    }
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<Evidence> because = conditionMet(claim, context);
    if (because == null) {
      return;
    }
    if (claim.procedures().isEmpty()) {
      if (claim.documentation().any()) {
        String resource =
            claim.documentation().sources().isEmpty()
                ? claim.ref()
                : claim.documentation().sources().get(0);
        check(resource, claim.documentation(), because, context);
      }
      return;
    }
    for (ProcedureFacts procedure : claim.procedures()) {
      check(procedure.ref(), procedure.documentation(), because, context);
    }
  }

  /** The lines that make the element required, an empty list when it always is, or null. */
  private List<Evidence> conditionMet(ClaimFacts claim, RuleContext context) {
    if (!conditional()) {
      return List.of();
    }
    List<Evidence> because = new ArrayList<>(1);
    for (ClaimLine line : claim.lines()) {
      boolean billed = line.code() != null && whenBilledCodes.contains(line.code());
      for (CodeSet set : whenBilled) {
        billed |= set.containsCode(line.code());
      }
      boolean modified = false;
      if (context.subjectCode().equals(line.code())) {
        for (String modifier : whenModifier) {
          modified |= line.hasModifier(modifier);
        }
      }
      if (billed || modified) {
        because.add(Claims.line(claim, line));
      }
    }
    return because.isEmpty() ? null : because;
  }

  private void check(
      String resource, Documentation docs, List<Evidence> because, RuleContext context) {
    if (docs.documents(element)) {
      return;
    }
    if (ofTheDilation && docs.service().noBalloonDilation()) {
      // No balloon went through the scope: there is no balloon, inflation or lumen to describe,
      // and the code-selection rule says which code was done.
      return;
    }
    RuleContext.FindingBuilder finding =
        context.finding(
            resource,
            resource != null && resource.startsWith("Procedure/") ? "Procedure.note" : null);
    StringBuilder message =
        new StringBuilder(context.message(notGiven, "element", element.label()));
    List<Evidence> mentioned = docs.mentionedWithoutDocumenting(element);
    if (!mentioned.isEmpty()) {
      message
          .append(' ')
          .append(context.message(mentionedWithoutValue, "mention", mentioned.get(0).text()));
      finding.evidence(mentioned);
    }
    if (because != null && !because.isEmpty()) {
      message.append(' ').append(context.message(neededBecause, "line", because.get(0).text()));
      finding.evidence(because);
    }
    for (String source : docs.sources()) {
      finding.evidence(new Evidence(source, null, "read: no " + element.label() + " found"));
    }
    if (!docs.any()) {
      finding.note(context.message(noDocumentation));
    }
    for (UnreadableNote note : docs.unreadableNotes()) {
      finding.note(
          context.message(
              noteUnreadable,
              "note",
              note.resource(),
              "content-type",
              note.contentType() == null ? "no content type" : note.contentType()));
    }
    finding
        .message(message.toString())
        .fix(Fixes.document(resource, element, context.fill(fixLabel)))
        .emit();
  }
}
