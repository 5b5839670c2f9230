package org.stomacds.engine.rules.diagnosis;

import java.util.List;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
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
 * {@code diagnosis-companion}: a code billed without the code the Tabular's "use additional code"
 * note at it asks for, where that companion always applies ({@code companions}: Z08 with a Z85.-
 * history code). Only pairs the pack names are checked: most "use additional" notes apply only when
 * the other condition exists.
 */
final class DiagnosisCompanionCheck implements Check {

  private final Map<String, List<String>> companions;
  private final MessageTemplate missing;
  private final MessageTemplate cites;
  private final MessageTemplate addCompanion;

  DiagnosisCompanionCheck(Parameters p, RuleDefinition rule) {
    this.missing = p.message("missing-companion", "diagnosis", "companion", "cited");
    this.cites = p.message("tabular-note", "release", "note");
    this.addCompanion = p.message("add-companion", "diagnosis", "companion");
    this.companions = p.codeLists("companions");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Selection<TabularNotes> selection = context.data().tabularNotes(claim.dateOfService());
    for (Diagnosis diagnosis : claim.diagnoses()) {
      if (!diagnosis.isIcd10()) {
        continue;
      }
      for (Map.Entry<String, List<String>> entry : companions.entrySet()) {
        if (!TabularNotes.covers(entry.getKey(), diagnosis.code())) {
          continue;
        }
        for (String companion : entry.getValue()) {
          if (present(claim, companion)) {
            continue;
          }
          String cited = "";
          if (selection != null) {
            for (TabularNotes.Note note : selection.data().all()) {
              if (note.verified()
                  && note.kind().equals("use-additional")
                  && TabularNotes.covers(note.at(), diagnosis.code())
                  && TabularNotes.target(note.target()).equals(companion)) {
                cited =
                    " "
                        + context.message(
                            cites, "release", selection.file().release(), "note", note.cited());
              }
            }
          }
          context
              .finding(diagnosis.resource(), diagnosis.expression())
              .message(
                  context.message(
                      missing,
                      "diagnosis",
                      diagnosis.code(),
                      "companion",
                      companion,
                      "cited",
                      cited))
              .evidence(
                  new Evidence(diagnosis.resource(), diagnosis.expression(), diagnosis.code()))
              .fix(
                  Fixes.manual(
                      claim.ref(),
                      context.message(
                          addCompanion, "diagnosis", diagnosis.code(), "companion", companion),
                      true,
                      null))
              .emit();
        }
      }
    }
  }

  private static boolean present(ClaimFacts claim, String prefix) {
    for (Diagnosis diagnosis : claim.diagnoses()) {
      if (diagnosis.isIcd10() && TabularNotes.covers(prefix, diagnosis.code())) {
        return true;
      }
    }
    return false;
  }
}
