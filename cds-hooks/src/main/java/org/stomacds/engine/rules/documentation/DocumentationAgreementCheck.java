package org.stomacds.engine.rules.documentation;

import java.util.ArrayList;
import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.facts.StatedValue;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code documentation-agreement}: where the structured record (an Observation, a template answer,
 * a Device, our extension) and a note both state a measured element, they share a value. A staged
 * balloon documents each of its sizes, so it agrees with a note that names any one of them. Both
 * values stay evidence of the element; the finding quotes each with where it was stated.
 */
final class DocumentationAgreementCheck implements Check {

  /** Values closer than this (in mm, counts, seconds or minutes) are the same value. */
  private static final double SAME = 0.05;

  private final List<DocumentationElement> elements;
  private final String fixLabel;
  private final MessageTemplate disagree;

  DocumentationAgreementCheck(Parameters p, RuleDefinition rule) {
    this.disagree = p.message("disagree", "element", "structured", "note");
    List<DocumentationElement> list = new ArrayList<>();
    for (var node : p.node("elements").asList()) {
      list.add(Parameters.element(node));
    }
    this.elements = List.copyOf(list);
    this.fixLabel = rule.fix();
  }

  @Override
  public void onProcedure(ProcedureFacts procedure, RuleContext context) {
    check(procedure.ref(), procedure.documentation(), context);
  }

  /**
   * A claim answers for the documentation of the procedures it bills (the same findings as at the
   * documentation stage, which the engine keeps once), or for its notes when it has no Procedure.
   */
  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (claim.procedures().isEmpty()) {
      Documentation docs = claim.documentation();
      if (docs.any()) {
        check(docs.sources().isEmpty() ? claim.ref() : docs.sources().get(0), docs, context);
      }
      return;
    }
    for (ProcedureFacts procedure : claim.procedures()) {
      check(procedure.ref(), procedure.documentation(), context);
    }
  }

  private void check(String resource, Documentation docs, RuleContext context) {
    for (DocumentationElement element : elements) {
      List<StatedValue> structured = new ArrayList<>(1);
      List<StatedValue> notes = new ArrayList<>(1);
      for (StatedValue value : docs.statedValues(element)) {
        (value.fromNote() ? notes : structured).add(value);
      }
      if (structured.isEmpty() || notes.isEmpty() || shareAValue(structured, notes)) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(structured.size() + notes.size());
      for (StatedValue value : structured) {
        add(evidence, value.evidence());
      }
      for (StatedValue value : notes) {
        add(evidence, value.evidence());
      }
      context
          .finding(resource, null)
          .message(
              context.message(
                  disagree,
                  "element",
                  element.label(),
                  "structured",
                  says(structured),
                  "note",
                  says(notes)))
          .evidence(evidence)
          .fix(Fixes.manual(resource, context.fill(fixLabel), true, null))
          .emit();
    }
  }

  private static boolean shareAValue(List<StatedValue> a, List<StatedValue> b) {
    for (StatedValue x : a) {
      for (StatedValue y : b) {
        if (Math.abs(x.value() - y.value()) < SAME) {
          return true;
        }
      }
    }
    return false;
  }

  /** "18 mm (Observation/o1, Observation.value)", each distinct value once. */
  private static String says(List<StatedValue> values) {
    List<String> parts = new ArrayList<>(values.size());
    List<String> displays = new ArrayList<>(values.size());
    for (StatedValue value : values) {
      if (displays.contains(value.display())) {
        continue;
      }
      displays.add(value.display());
      Evidence e = value.evidence();
      String where = e.expression() == null ? e.resource() : e.resource() + ", " + e.expression();
      String quote = value.fromNote() ? ": \u201C" + e.text() + "\u201D" : "";
      parts.add(value.display() + " (" + where + quote + ")");
    }
    return String.join(" and ", parts);
  }

  private static void add(List<Evidence> list, Evidence evidence) {
    if (!list.contains(evidence)) {
      list.add(evidence);
    }
  }
}
