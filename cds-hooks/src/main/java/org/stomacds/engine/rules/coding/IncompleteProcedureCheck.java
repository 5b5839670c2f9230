package org.stomacds.engine.rules.coding;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.facts.Discontinuation;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ExamExtent;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.CodeFamily;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code incomplete-procedure}: when the documentation says the exam did not reach the cecum or the
 * anastomosis, the professional claim carries the reduced-service modifier (52) and the facility
 * claim the discontinued-procedure modifier: 73 before anesthesia, 74 after anesthesia or scope
 * insertion. A complete exam carries none of them.
 */
final class IncompleteProcedureCheck implements Check {

  static final String GROUP = "discontinued";
  private static final String COLON = "colon";

  private final CodeSet incompleteModifiers;
  private final String professional;
  private final String beforeAnesthesia;
  private final String afterAnesthesia;
  private final CodeChoice.History history;

  IncompleteProcedureCheck(Parameters p, RuleDefinition rule) {
    this.history = CodeChoice.History.of(p);
    this.incompleteModifiers = p.valueSet("incomplete-modifiers");
    this.professional = p.text("professional", "52");
    this.beforeAnesthesia = p.text("facility-before-anesthesia", "73");
    this.afterAnesthesia = p.text("facility-after-anesthesia", "74");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Documentation docs = claim.documentation();
    if (docs.extent().isEmpty() && docs.discontinuation().isEmpty()) {
      return;
    }
    boolean incomplete =
        docs.extent().orElse(null) == ExamExtent.INCOMPLETE || docs.discontinuation().isPresent();
    boolean facility = claim.type() == ClaimType.INSTITUTIONAL;
    if (incomplete && docs.service().shortExamPlanned() != null) {
      // An exam meant to stop short is the lesser exam it was, not an incomplete one.
      return;
    }
    for (ClaimLine line : linesToCheck(claim, context)) {
      String present = null;
      for (String modifier : line.modifiers()) {
        if (incompleteModifiers.containsCode(modifier)) {
          present = modifier;
        }
      }
      if (!incomplete) {
        if (present != null) {
          context
              .finding(claim.ref(), line.modifierExpression(present))
              .message(
                  present
                      + " on "
                      + Claims.describe(line)
                      + " says the procedure was reduced or stopped, but the documentation says the"
                      + " exam was complete.")
              .evidence(Claims.line(claim, line))
              .evidence(docs.evidence(DocumentationElement.EXTENT_OF_EXAM))
              .fix(
                  Fixes.removeModifier(
                      claim.ref(),
                      line,
                      present,
                      "Remove " + present + " from line " + line.sequence(),
                      true,
                      null))
              .emit();
        }
        continue;
      }
      if (facility) {
        facility(claim, line, present, docs, context);
      } else {
        professional(claim, line, present, docs, context);
      }
    }
  }

  /**
   * The subject code's lines and the colonoscopy lines of the code family, less those another rule
   * corrects: a line whose code the documentation does not support (code selection, which carries
   * the modifier of its replacement) and a line whose therapy another line's code includes
   * (bundling removes it).
   */
  private List<ClaimLine> linesToCheck(ClaimFacts claim, RuleContext context) {
    Selection<CodeFamily> table = context.data().codeFamily(claim.dateOfService());
    List<ClaimLine> lines = new ArrayList<>(1);
    for (ClaimLine line : claim.lines()) {
      if (table == null) {
        if (context.subjectCode().equals(line.code())) {
          lines.add(line);
        }
        continue;
      }
      CodeFamily.Row row = table.data().row(line.code());
      boolean colonoscopy =
          row != null ? COLON.equals(row.examines()) : context.subjectCode().equals(line.code());
      if (!colonoscopy) {
        continue;
      }
      CodeChoice choice = CodeChoice.of(table.data(), claim, line, history);
      if (CodeChoice.replaces(choice, claim)
          || CodeChoice.includedByAnotherLine(table.data(), claim, line)) {
        continue;
      }
      lines.add(line);
    }
    return lines;
  }

  private void professional(
      ClaimFacts claim, ClaimLine line, String present, Documentation docs, RuleContext context) {
    if (professional.equals(present)) {
      return;
    }
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), line.modifierExpression(present == null ? professional : present))
            .evidence(Claims.line(claim, line))
            .evidence(docs.evidence(DocumentationElement.EXTENT_OF_EXAM));
    reason(finding, docs);
    if (claim.type() == ClaimType.OTHER) {
      finding.note(
          "The claim does not say whether it is professional or institutional: read as professional.");
    }
    String because =
        "The documentation says the exam was incomplete (the cecum or the anastomosis was not"
            + " reached)";
    if (present != null) {
      finding
          .message(
              because
                  + ": on the professional claim that is "
                  + professional
                  + ", not "
                  + present
                  + " ("
                  + (present.equals(beforeAnesthesia) || present.equals(afterAnesthesia)
                      ? "73 and 74 are facility modifiers"
                      : "53 is for a discontinued diagnostic exam such as 44388")
                  + ").")
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  present,
                  "Remove " + present + " from line " + line.sequence(),
                  true,
                  null));
    } else {
      finding.message(because + ": add " + professional + " to " + Claims.describe(line) + ".");
    }
    finding
        .fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                professional,
                "Add " + professional + " to line " + line.sequence(),
                true,
                null))
        .emit();
  }

  private void facility(
      ClaimFacts claim, ClaimLine line, String present, Documentation docs, RuleContext context) {
    Discontinuation when = docs.discontinuation().orElse(null);
    String expected =
        when == Discontinuation.BEFORE_ANESTHESIA ? beforeAnesthesia : afterAnesthesia;
    if (expected.equals(present)
        || (when == null
            && (afterAnesthesia.equals(present) || beforeAnesthesia.equals(present)))) {
      return;
    }
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), line.modifierExpression(present == null ? expected : present))
            .evidence(Claims.line(claim, line))
            .evidence(docs.evidence(DocumentationElement.EXTENT_OF_EXAM));
    reason(finding, docs);
    String point =
        when == null
            ? "the note does not say when it was stopped; once the scope is in, that is "
                + afterAnesthesia
            : when == Discontinuation.BEFORE_ANESTHESIA
                ? "it was stopped before anesthesia"
                : "it was stopped after anesthesia or scope insertion";
    StringBuilder message =
        new StringBuilder("The documentation says the exam was incomplete and ")
            .append(point)
            .append(": on the facility claim use ")
            .append(beforeAnesthesia)
            .append(" (before anesthesia) or ")
            .append(afterAnesthesia)
            .append(" (after anesthesia or scope insertion)");
    if (present != null) {
      message.append(", not ").append(present);
      finding.fix(
          Fixes.removeModifier(
              claim.ref(),
              line,
              present,
              "Remove " + present + " from line " + line.sequence(),
              true,
              null));
    }
    finding
        .message(message.append('.').toString())
        .fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                expected,
                "Add " + expected + " to line " + line.sequence(),
                true,
                GROUP))
        .fix(
            Fixes.addModifier(
                claim.ref(),
                line,
                expected.equals(afterAnesthesia) ? beforeAnesthesia : afterAnesthesia,
                "Add "
                    + (expected.equals(afterAnesthesia) ? beforeAnesthesia : afterAnesthesia)
                    + " to line "
                    + line.sequence()
                    + (expected.equals(afterAnesthesia)
                        ? " if it was stopped before anesthesia"
                        : " if it was stopped after anesthesia or scope insertion"),
                false,
                GROUP))
        .emit();
  }

  private static void reason(RuleContext.FindingBuilder finding, Documentation docs) {
    docs.incompleteReason()
        .ifPresent(reason -> finding.evidence(new Evidence(null, null, "reason given: " + reason)));
  }
}
