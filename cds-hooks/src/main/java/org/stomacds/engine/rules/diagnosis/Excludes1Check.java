package org.stomacds.engine.rules.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.facts.Diagnosis;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.Selection;
import org.stomacds.engine.rules.cms.TabularNotes;

/**
 * {@code excludes1-pair}: no two diagnoses of a claim form a pair an ICD-10-CM Excludes1 note
 * forbids, at whatever level the note is written (chapter, block, category, subcategory), read from
 * the pack's Tabular notes of the date of service's fiscal year.
 *
 * <p>Which code goes: when only one of the two codes' notes names the other ("not coded here"), the
 * condition belongs to the code named, so the code whose note sends it away is removed (K56.699
 * with K55.1: K55.1 stays). When each names the other (K50 and K51), the code the subject line
 * points at stays; otherwise the documentation decides. The Official Guidelines' exception
 * (I.A.12.a: the two conditions are unrelated) is data: {@code unrelated-sites} groups codes by the
 * site they concern (a colostomy, an enterostomy); two codes that each belong to a group, but to no
 * common group, are about different things and may be reported together.
 */
final class Excludes1Check implements Check {

  private static final String KIND = "excludes1";

  private final Map<String, List<String>> sites;
  private final String fixLabel;
  private final MessageTemplate forbiddenPair;
  private final MessageTemplate classifiedAt;
  private final MessageTemplate eachExcludes;
  private final MessageTemplate keepDocumented;
  private final MessageTemplate keepOne;
  private final MessageTemplate guideline;
  private final MessageTemplate keepEither;

  Excludes1Check(Parameters p, RuleDefinition rule) {
    this.forbiddenPair = p.message("forbidden-pair", "first", "second", "release", "notes", "why");
    this.classifiedAt = p.message("classified-at", "classifier");
    this.eachExcludes = p.message("each-excludes-other");
    this.keepDocumented = p.message("keep-documented");
    this.keepOne = p.message("keep-one", "keep", "remove");
    this.guideline = p.message("unrelated-exception");
    this.keepEither = p.message("keep-either", "first", "second");
    this.sites = p.codeLists("unrelated-sites");
    this.fixLabel = rule.fix();
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Selection<TabularNotes> selection = context.data().tabularNotes(claim.dateOfService());
    if (selection == null) {
      return;
    }
    List<Diagnosis> coded = new ArrayList<>();
    for (Diagnosis diagnosis : claim.diagnoses()) {
      if (diagnosis.isIcd10() && !sameCode(coded, diagnosis)) {
        coded.add(diagnosis);
      }
    }
    for (int i = 0; i < coded.size(); i++) {
      for (int j = i + 1; j < coded.size(); j++) {
        Diagnosis a = coded.get(i);
        Diagnosis b = coded.get(j);
        List<TabularNotes.Note> atA = selection.data().naming(KIND, a.code(), b.code());
        List<TabularNotes.Note> atB = selection.data().naming(KIND, b.code(), a.code());
        if ((atA.isEmpty() && atB.isEmpty()) || unrelated(a.code(), b.code())) {
          continue;
        }
        report(claim, context, selection, a, b, atA, atB);
      }
    }
  }

  private void report(
      ClaimFacts claim,
      RuleContext context,
      Selection<TabularNotes> selection,
      Diagnosis a,
      Diagnosis b,
      List<TabularNotes.Note> atA,
      List<TabularNotes.Note> atB) {
    Diagnosis remove = null;
    String why;
    if (atB.isEmpty()) {
      remove = a;
      why = context.message(classifiedAt, "classifier", b.code());
    } else if (atA.isEmpty()) {
      remove = b;
      why = context.message(classifiedAt, "classifier", a.code());
    } else {
      boolean pointsAtA = pointedAt(claim, context, a);
      boolean pointsAtB = pointedAt(claim, context, b);
      if (pointsAtA != pointsAtB) {
        remove = pointsAtA ? b : a;
      }
      why = context.message(eachExcludes);
    }
    List<String> cited = new ArrayList<>();
    for (TabularNotes.Note note : atA) {
      cited.add(note.cited());
    }
    for (TabularNotes.Note note : atB) {
      cited.add(note.cited());
    }
    String release = selection.file().release();
    String message =
        context.message(
                forbiddenPair,
                "first",
                a.code(),
                "second",
                b.code(),
                "release",
                release,
                "notes",
                String.join("; ", cited),
                "why",
                why)
            + " "
            + (remove == null
                ? context.message(keepDocumented)
                : context.message(
                    keepOne, "keep", (remove == a ? b : a).code(), "remove", remove.code()));
    Diagnosis subject = remove == null ? a : remove;
    RuleContext.FindingBuilder finding =
        context
            .finding(subject.resource(), subject.expression())
            .message(message)
            .evidence(new Evidence(a.resource(), a.expression(), a.code()))
            .evidence(new Evidence(b.resource(), b.expression(), b.code()))
            .note(context.message(guideline))
            .note(selection.note());
    if (remove != null) {
      String label =
          fixLabel == null
              ? "Remove " + remove.code() + " from the claim"
              : context.fill(fixLabel).replace("{remove}", remove.code());
      finding.fix(
          Fixes.manual(claim.ref(), null, CodeSystems.ICD10CM, remove.code(), label, true, null));
    } else {
      finding.fix(
          Fixes.manual(
              claim.ref(),
              context.message(keepEither, "first", a.code(), "second", b.code()),
              true,
              null));
    }
    finding.emit();
  }

  /** Whether a line of the subject code points at the diagnosis. */
  private static boolean pointedAt(ClaimFacts claim, RuleContext context, Diagnosis diagnosis) {
    for (ClaimLine line : claim.linesWithCode(context.subjectCode())) {
      for (Diagnosis pointed : line.diagnoses()) {
        if (pointed.code().equals(diagnosis.code())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Both codes concern a site of {@code unrelated-sites}, and no site is common to both. */
  private boolean unrelated(String a, String b) {
    boolean aGrouped = false;
    boolean bGrouped = false;
    for (List<String> prefixes : sites.values()) {
      boolean hasA = startsWithAny(a, prefixes);
      boolean hasB = startsWithAny(b, prefixes);
      if (hasA && hasB) {
        return false;
      }
      aGrouped |= hasA;
      bGrouped |= hasB;
    }
    return aGrouped && bGrouped;
  }

  private static boolean sameCode(List<Diagnosis> seen, Diagnosis diagnosis) {
    for (Diagnosis other : seen) {
      if (other.code().equals(diagnosis.code())) {
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
