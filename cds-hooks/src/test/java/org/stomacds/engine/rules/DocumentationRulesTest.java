package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

class DocumentationRulesTest {

  /** Complete structured documentation, minus one element. */
  private static CaseBuilder everythingBut(DocumentationElement missing) {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    c.procedure()
        .getExtension()
        .removeIf(
            e ->
                e.getExtension().stream()
                    .anyMatch(
                        part ->
                            part.getValue() instanceof Coding coding
                                && coding.getCode().equals(missing.id())));
    return c;
  }

  @ParameterizedTest
  @CsvSource({
    "ROUTE_THROUGH_STOMA, doc-route-through-stoma",
    "BALLOON_DIAMETER, doc-balloon-diameter",
    "INFLATION_COUNT, doc-inflation-count",
    "INFLATION_DURATION, doc-inflation-duration",
    "STRICTURE_LOCATION, doc-stricture-location",
    "PRE_DILATION_LUMEN, doc-pre-dilation-lumen",
    "POST_DILATION_LUMEN, doc-post-dilation-lumen",
    "EXTENT_OF_EXAM, doc-extent-of-exam",
    "COMPLICATIONS, doc-complications",
    "INDICATION, doc-indication",
    "POST_PROCEDURE_INSTRUCTIONS, doc-post-procedure-instructions"
  })
  void warnsWhenAnElementIsMissingAndOnlyThen(DocumentationElement element, String ruleId) {
    List<Finding> missing = evaluate(everythingBut(element), Stage.DOCUMENTATION);
    assertThat(ruleIds(missing)).containsExactly(ruleId);
    Finding finding = missing.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.resource()).isEqualTo("Procedure/proc1");
    assertThat(finding.message()).contains(element.label());
    assertThat(finding.fixes())
        .singleElement()
        .satisfies(
            fix -> {
              assertThat(fix.kind()).isEqualTo(FixKind.DOCUMENT_ELEMENT);
              assertThat(fix.element()).isEqualTo(element.id());
            });
    assertThat(finding.source().documents())
        .extracting(org.stomacds.engine.findings.Citation::id)
        .contains("cms-mln909160");

    assertThat(evaluate(CaseBuilder.newCase().documentedEverything(), Stage.DOCUMENTATION))
        .isEmpty();
  }

  @Test
  void warnsWhenBalloonDiameterMissing() {
    List<Finding> found =
        findings(
            evaluate(everythingBut(DocumentationElement.BALLOON_DIAMETER), Stage.DOCUMENTATION),
            "doc-balloon-diameter");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("balloon diameter");
  }

  @Test
  void anElementMentionedWithoutAValueDocumentsNothing() {
    CaseBuilder c = everythingBut(DocumentationElement.BALLOON_DIAMETER);
    c.documented(DocumentationElement.BALLOON_DIAMETER, null);
    Finding finding = findings(evaluate(c, Stage.DOCUMENTATION), "doc-balloon-diameter").get(0);
    assertThat(finding.message()).contains("mentioned without a value");
  }

  @Test
  void documentationFindingsReportOnceWhenBothDocumentationAndClaimStagesRun() {
    CaseBuilder c =
        everythingBut(DocumentationElement.INFLATION_COUNT).diagnosis("K94.03").line("44405");
    List<Finding> found = evaluate(c, Stage.DOCUMENTATION, Stage.CLAIM);
    assertThat(findings(found, "doc-inflation-count")).hasSize(1);
  }

  @Test
  void documentationIsCheckedThroughTheClaimWhenOnlyTheClaimStageRuns() {
    CaseBuilder c =
        everythingBut(DocumentationElement.INFLATION_COUNT).diagnosis("K94.03").line("44405");
    assertThat(ruleIds(evaluate(c, Stage.CLAIM))).containsExactly("doc-inflation-count");
  }

  @Test
  void standardProcedureElementsCountAsDocumentation() {
    CaseBuilder c = everythingBut(DocumentationElement.STRICTURE_LOCATION);
    c.procedure().addBodySite(new CodeableConcept().setText("stoma"));
    assertThat(evaluate(c, Stage.DOCUMENTATION)).isEmpty();

    CaseBuilder indication = everythingBut(DocumentationElement.INDICATION);
    indication.procedure().addReasonCode(CaseBuilder.concept(CaseBuilder.ICD10, "K94.03"));
    assertThat(evaluate(indication, Stage.DOCUMENTATION)).isEmpty();

    CaseBuilder followUp = everythingBut(DocumentationElement.POST_PROCEDURE_INSTRUCTIONS);
    followUp
        .procedure()
        .addFollowUp(new CodeableConcept().setText("clear liquids, clinic in 2 weeks"));
    assertThat(evaluate(followUp, Stage.DOCUMENTATION)).isEmpty();

    CaseBuilder complication = everythingBut(DocumentationElement.COMPLICATIONS);
    complication.procedure().addComplication(new CodeableConcept().setText("minor oozing"));
    assertThat(evaluate(complication, Stage.DOCUMENTATION)).isEmpty();
  }

  // ---- conditional elements --------------------------------------------------------------------

  @Test
  void sedationTypeAndTimesAreNeededOnlyWhenSedationIsBilled() {
    CaseBuilder withSedation =
        CaseBuilder.newCase()
            .documentedEverything()
            .diagnosis("K94.03")
            .line("44405")
            .line("99152");
    assertThat(ruleIds(evaluate(withSedation, Stage.CLAIM)))
        .contains("doc-sedation-type", "doc-sedation-times");

    CaseBuilder documented =
        CaseBuilder.newCase()
            .documentedEverything()
            .sedationMinutes(20)
            .diagnosis("K94.03")
            .line("44405")
            .line("99152");
    assertThat(ruleIds(evaluate(documented, Stage.CLAIM)))
        .doesNotContain("doc-sedation-type", "doc-sedation-times");

    CaseBuilder withoutSedation =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    assertThat(ruleIds(evaluate(withoutSedation, Stage.CLAIM)))
        .doesNotContain("doc-sedation-type", "doc-sedation-times");
  }

  @Test
  void fluoroscopyDocumentationIsNeededWhen74360IsBilled() {
    CaseBuilder billed =
        CaseBuilder.newCase()
            .documentedEverything()
            .diagnosis("K94.03")
            .line("44405")
            .line("74360", "26");
    List<Finding> found = findings(evaluate(billed, Stage.CLAIM), "doc-fluoroscopy");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("74360");

    billed.documented(
        DocumentationElement.FLUOROSCOPY, new StringType("fluoroscopy confirmed waist effacement"));
    assertThat(findings(evaluate(billed, Stage.CLAIM), "doc-fluoroscopy")).isEmpty();

    CaseBuilder notBilled =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    assertThat(findings(evaluate(notBilled, Stage.CLAIM), "doc-fluoroscopy")).isEmpty();
  }

  @Test
  void increasedWorkIsNeededWhen22IsOnTheLine() {
    CaseBuilder with22 =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405", "22");
    assertThat(findings(evaluate(with22, Stage.CLAIM), "mod-22-increased-work")).hasSize(1);

    with22.documented(
        DocumentationElement.INCREASED_WORK,
        new StringType("three separate tight strictures, 95 minutes against the usual 40"));
    assertThat(findings(evaluate(with22, Stage.CLAIM), "mod-22-increased-work")).isEmpty();

    CaseBuilder without22 =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    assertThat(findings(evaluate(without22, Stage.CLAIM), "mod-22-increased-work")).isEmpty();
  }

  // ---- readable notes and presence -------------------------------------------------------------

  @Test
  void aPdfNoteIsItselfAFinding() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    c.documentReference("op1", "application/pdf", "%PDF-1.7 binary");
    List<Finding> found = findings(evaluate(c, Stage.DOCUMENTATION), "doc-note-readable");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).resource()).isEqualTo("DocumentReference/op1");
    assertThat(found.get(0).message()).contains("application/pdf");
  }

  @Test
  void aPdfWithATextAlternativeIsReadable() {
    CaseBuilder c = CaseBuilder.newCase().documentedEverything();
    DocumentReference both = new DocumentReference();
    both.setId("DocumentReference/op2");
    both.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    both.getContext().addRelated(new Reference("Procedure/proc1"));
    both.addContent()
        .setAttachment(new Attachment().setContentType("application/pdf").setData(new byte[] {1}));
    both.addContent()
        .setAttachment(
            new Attachment()
                .setContentType("text/plain; charset=utf-8")
                .setData("note".getBytes()));
    c.add(both);
    assertThat(findings(evaluate(c, Stage.DOCUMENTATION), "doc-note-readable")).isEmpty();
  }

  @Test
  void aClaimWithNoProcedureOrNoteSaysNothingCanBeChecked() {
    CaseBuilder c = CaseBuilder.newCase().withoutProcedure().diagnosis("K94.03").line("44405");
    List<Finding> found = evaluate(c, Stage.CLAIM);
    assertThat(ruleIds(found)).contains("doc-procedure-documented");
    assertThat(ruleIds(found)).doesNotContain("doc-balloon-diameter");

    CaseBuilder withProcedure =
        CaseBuilder.newCase().documentedEverything().diagnosis("K94.03").line("44405");
    assertThat(ruleIds(evaluate(withProcedure, Stage.CLAIM)))
        .doesNotContain("doc-procedure-documented");
  }
}
