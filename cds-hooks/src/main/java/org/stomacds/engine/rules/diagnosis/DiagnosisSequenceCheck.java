package org.stomacds.engine.rules.diagnosis;

import java.util.List;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.Selection;
import org.stomacds.engine.rules.cms.TabularNotes;

/**
 * {@code diagnosis-sequence}: the order of a claim's diagnoses. A code of the {@code not-first}
 * value sets (a status code) is not the first diagnosis of the subject line while a code of the
 * {@code condition} value set (the condition treated) is on the claim; and where the Tabular says
 * "code first" (Z85 names Z08), the code named comes before the code that carries the note.
 *
 * <p>The first diagnosis of a line is its first pointer; a line with no pointers takes the claim's
 * first diagnosis.
 */
final class DiagnosisSequenceCheck implements Check {

  private final List<CodeSet> notFirst;
  private final CodeSet condition;

  private final MessageTemplate statusFirst;
  private final MessageTemplate listTreatedFirst;
  private final MessageTemplate codeFirst;
  private final MessageTemplate listBefore;

  DiagnosisSequenceCheck(Parameters p, RuleDefinition rule) {
    this.listTreatedFirst = p.message("list-treated-first", "treated", "line");
    this.codeFirst = p.message("code-first", "earlier", "later", "release", "note");
    this.listBefore = p.message("list-before", "earlier", "later");
    this.notFirst = p.valueSets("not-first");
    this.condition = p.valueSet("condition");
    this.statusFirst = p.message("status-first", "status", "line", "treated");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      List<Diagnosis> order = line.diagnosisPointers() ? line.diagnoses() : claim.diagnoses();
      if (order.isEmpty()) {
        continue;
      }
      Diagnosis first = order.get(0);
      if (!inAny(notFirst, first)) {
        continue;
      }
      // The condition must be one the line points at (else the supporting-diagnosis rule
      // speaks), and the status code one the claim keeps (else the Excludes1 rule removes it).
      Diagnosis treated = null;
      for (Diagnosis diagnosis : order) {
        if (condition.contains(diagnosis.system(), diagnosis.code())) {
          treated = diagnosis;
          break;
        }
      }
      if (treated == null || excluded(claim, context, first)) {
        continue;
      }
      context
          .finding(claim.ref(), line.expression() + ".diagnosisSequence")
          .message(
              context.message(
                  statusFirst,
                  "status",
                  first.code(),
                  "line",
                  Claims.describe(line),
                  "treated",
                  treated.code()))
          .evidence(Claims.line(claim, line))
          .evidence(new Evidence(first.resource(), first.expression(), first.code()))
          .evidence(new Evidence(treated.resource(), treated.expression(), treated.code()))
          .fix(
              Fixes.manual(
                  claim.ref(),
                  context.message(
                      listTreatedFirst, "treated", treated.code(), "line", line.sequence()),
                  true,
                  null))
          .emit();
    }
    codeFirst(claim, context);
  }

  /** Whether an Excludes1 note pairs the code with another diagnosis of the claim. */
  private static boolean excluded(ClaimFacts claim, RuleContext context, Diagnosis code) {
    Selection<TabularNotes> selection = context.data().tabularNotes(claim.dateOfService());
    if (selection == null) {
      return false;
    }
    for (Diagnosis other : claim.diagnoses()) {
      if (!other.code().equals(code.code())
          && (!selection.data().naming("excludes1", code.code(), other.code()).isEmpty()
              || !selection.data().naming("excludes1", other.code(), code.code()).isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** The Tabular's "code first" notes: the code named goes before the code with the note. */
  private void codeFirst(ClaimFacts claim, RuleContext context) {
    Selection<TabularNotes> selection = context.data().tabularNotes(claim.dateOfService());
    if (selection == null) {
      return;
    }
    List<Diagnosis> all = claim.diagnoses();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        Diagnosis earlier = all.get(i);
        Diagnosis later = all.get(j);
        if (!earlier.isIcd10() || !later.isIcd10()) {
          continue;
        }
        List<TabularNotes.Note> notes =
            selection.data().naming("code-first", earlier.code(), later.code());
        if (notes.isEmpty()) {
          continue;
        }
        context
            .finding(earlier.resource(), earlier.expression())
            .message(
                context.message(
                    codeFirst,
                    "earlier",
                    earlier.code(),
                    "later",
                    later.code(),
                    "release",
                    selection.file().release(),
                    "note",
                    notes.get(0).cited()))
            .evidence(new Evidence(earlier.resource(), earlier.expression(), earlier.code()))
            .evidence(new Evidence(later.resource(), later.expression(), later.code()))
            .note(selection.note())
            .fix(
                Fixes.manual(
                    claim.ref(),
                    context.message(listBefore, "earlier", earlier.code(), "later", later.code()),
                    true,
                    null))
            .emit();
      }
    }
  }

  private static boolean inAny(List<CodeSet> sets, Diagnosis diagnosis) {
    for (CodeSet set : sets) {
      if (set.contains(diagnosis.system(), diagnosis.code())) {
        return true;
      }
    }
    return false;
  }
}
