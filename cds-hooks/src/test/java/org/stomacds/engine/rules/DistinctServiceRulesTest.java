package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.util.List;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;

/**
 * Distinct-service modifiers: a distinct lesion of any kind, and modifiers that say what is true.
 */
class DistinctServiceRulesTest {

  private static CaseBuilder claim() {
    return CaseBuilder.newCase().documentedEverything().diagnosis("K94.03");
  }

  private static List<Finding> fit(CaseBuilder c) {
    return findings(evaluate(c, Stage.CLAIM), "distinct-modifier-claims");
  }

  @Test
  void xpUnderAnEditOfOnePractitionersLinesIsReplacedByTheModifierTheRecordSupports() {
    CaseBuilder c = claim().line("44401").line("44405", "XP");
    c.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    Finding finding = fit(c).get(0);
    assertThat(finding.message()).contains("another practitioner").contains("replace XP with XS");
    assertThat(finding.fixes())
        .extracting(f -> f.kind() + " " + f.code())
        .containsExactly("REMOVE_MODIFIER XP", "ADD_MODIFIER XS");
  }

  @Test
  void xuWithNothingDistinctDocumentedAsksForTheRecordOrTheLinesRemoval() {
    Finding finding = fit(claim().line("44401").line("44405", "XU")).get(0);
    assertThat(finding.fixes().get(0).kind()).isEqualTo(FixKind.DOCUMENT_ELEMENT);
    assertThat(finding.fixes().get(1).kind()).isEqualTo(FixKind.REMOVE_LINE);
    assertThat(finding.fixes().get(1).recommended()).isFalse();
  }

  @Test
  void xsThatTheRecordSupportsAndModifiersWithNoEditAreNotThisRulesBusiness() {
    CaseBuilder xs = claim().line("44401").line("44405", "XS");
    xs.documented(DocumentationElement.DISTINCT_STRICTURE, new IntegerType(2));
    assertThat(fit(xs)).isEmpty();
    List<Finding> noEdit = evaluate(claim().line("44405").line("74360", "XP"), Stage.CLAIM);
    assertThat(ruleIds(noEdit))
        .contains("ncci-unnecessary-modifier")
        .doesNotContain("distinct-modifier-claims");
  }

  @Test
  void aPolypAtItsOwnSiteIsADistinctLesionForXs() {
    CaseBuilder c =
        claim()
            .note(
                "Stomal stenosis dilated with a 15 mm balloon. In the cecum, a 4 mm sessile polyp"
                    + " was removed with cold biopsy forceps.")
            .line("44405")
            .line("44389", "XS");
    assertThat(ruleIds(evaluate(c, Stage.CLAIM))).doesNotContain("ncci-ptp-edits");
    CaseBuilder none =
        claim()
            .note("Stomal stenosis dilated with a 15 mm balloon. Biopsies of the stricture.")
            .line("44405")
            .line("44389", "XS");
    assertThat(ruleIds(evaluate(none, Stage.CLAIM))).contains("ncci-ptp-edits");
  }

  @Test
  void aDistinctModifierOnAVisitIsTheVisitRulesToReportNotCalledUnnecessaryToo() {
    List<Finding> found =
        evaluate(claim().originalMedicare().line("99204", "59").line("44405"), Stage.CLAIM);
    assertThat(ruleIds(found))
        .contains("mod-visit-modifiers")
        .doesNotContain("ncci-unnecessary-modifier");
  }
}
