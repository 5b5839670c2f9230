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
import org.stomacds.engine.rules.MessageTemplate;
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
  private final MessageTemplate complete;
  private final MessageTemplate typeUnknown;
  private final MessageTemplate facilityModifierOnProfessional;
  private final MessageTemplate discontinuedOnProfessional;
  private final MessageTemplate addProfessional;
  private final MessageTemplate facilityModifier;
  private final MessageTemplate facilityModifierNot;
  private final MessageTemplate whenUnknown;
  private final MessageTemplate beforeAnesthesiaPoint;
  private final MessageTemplate afterAnesthesiaPoint;
  private final MessageTemplate addIfBefore;
  private final MessageTemplate addIfAfter;

  private static final String[] FACILITY = {"point", "before", "after", "present"};

  IncompleteProcedureCheck(Parameters p, RuleDefinition rule) {
    this.complete = p.message("complete-exam", "modifier", "line");
    this.typeUnknown = p.message("claim-type-unknown");
    this.facilityModifierOnProfessional =
        p.message("facility-modifier-on-professional", "expected", "present");
    this.discontinuedOnProfessional =
        p.message("discontinued-on-professional", "expected", "present");
    this.addProfessional = p.message("professional-missing", "expected", "line");
    this.facilityModifier = p.message("facility-missing", FACILITY);
    this.facilityModifierNot = p.message("facility-wrong", FACILITY);
    this.whenUnknown = p.message("stopped-when-unknown", "after");
    this.beforeAnesthesiaPoint = p.message("stopped-before-anesthesia");
    this.afterAnesthesiaPoint = p.message("stopped-after-anesthesia");
    this.addIfBefore = p.message("add-if-stopped-before", "modifier", "line");
    this.addIfAfter = p.message("add-if-stopped-after", "modifier", "line");
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
                  context.message(complete, "modifier", present, "line", Claims.describe(line)))
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
      finding.note(context.message(typeUnknown));
    }
    if (present != null) {
      finding
          .message(
              context.message(
                  present.equals(beforeAnesthesia) || present.equals(afterAnesthesia)
                      ? facilityModifierOnProfessional
                      : discontinuedOnProfessional,
                  "expected",
                  professional,
                  "present",
                  present))
          .fix(
              Fixes.removeModifier(
                  claim.ref(),
                  line,
                  present,
                  "Remove " + present + " from line " + line.sequence(),
                  true,
                  null));
    } else {
      finding.message(
          context.message(
              addProfessional, "expected", professional, "line", Claims.describe(line)));
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
            ? context.message(whenUnknown, "after", afterAnesthesia)
            : when == Discontinuation.BEFORE_ANESTHESIA
                ? context.message(beforeAnesthesiaPoint)
                : context.message(afterAnesthesiaPoint);
    String message =
        context.message(
            present == null ? facilityModifier : facilityModifierNot,
            "point",
            point,
            "before",
            beforeAnesthesia,
            "after",
            afterAnesthesia,
            "present",
            present);
    if (present != null) {
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
        .message(message)
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
                context.message(
                    expected.equals(afterAnesthesia) ? addIfBefore : addIfAfter,
                    "modifier",
                    expected.equals(afterAnesthesia) ? beforeAnesthesia : afterAnesthesia,
                    "line",
                    line.sequence()),
                false,
                GROUP))
        .emit();
  }

  private static void reason(RuleContext.FindingBuilder finding, Documentation docs) {
    docs.incompleteReason()
        .ifPresent(reason -> finding.evidence(new Evidence(null, null, "reason given: " + reason)));
  }
}
