package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

/** doc-structured-note-agreement: the structured record and the note give the same measures. */
class StructuredNoteAgreementTest {

  private static final String RULE = "doc-structured-note-agreement";

  private static Observation row(String id, String label, Type value) {
    Observation o = new Observation();
    o.setId("Observation/" + id);
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept().setText(label));
    o.addPartOf(new Reference("Procedure/proc1"));
    o.setValue(value);
    return o;
  }

  private static List<Finding> agreement(CaseBuilder c) {
    return findings(evaluate(c, Stage.DOCUMENTATION), RULE);
  }

  @Test
  void warnsWhenTheFlowsheetAndTheNoteGiveDifferentBalloonSizesQuotingBoth() {
    CaseBuilder c =
        CaseBuilder.newCase()
            .note("The stricture was dilated with a 15 mm balloon, three inflations of 60 seconds.")
            .add(row("o1", "Balloon diameter", CaseBuilder.mm(18)));
    List<Finding> found = agreement(c);
    assertThat(found).singleElement();
    Finding finding = found.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.resource()).isEqualTo("Procedure/proc1");
    assertThat(finding.message())
        .contains("balloon diameter")
        .contains("18 mm (Observation/o1, Observation.value)")
        .contains("15 mm (Procedure/proc1, Procedure.note[0].text: \u201C");
    assertThat(finding.evidence())
        .extracting(Evidence::resource, Evidence::expression)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Observation/o1", "Observation.value"),
            org.assertj.core.groups.Tuple.tuple("Procedure/proc1", "Procedure.note[0].text"));
    assertThat(finding.evidence().get(1).text()).contains("15 mm balloon");
  }

  @Test
  void warnsWhenTheCountsDifferAndStaysQuietWhenTheyAgree() {
    CaseBuilder differ =
        CaseBuilder.newCase()
            .note("Dilated with an 18 mm balloon, two inflations of 60 seconds each.")
            .add(row("o1", "Number of inflations", new Quantity().setValue(3).setCode("{count}")));
    assertThat(agreement(differ))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("number of inflations").contains("3 ("));

    CaseBuilder agree =
        CaseBuilder.newCase()
            .note("Dilated with an 18 mm balloon, three inflations of 60 seconds each.")
            .add(row("o1", "Number of inflations", new Quantity().setValue(3).setCode("{count}")));
    assertThat(agreement(agree)).isEmpty();
  }

  @Test
  void aStagedBalloonAgreesWithANoteThatNamesAnyOfItsSizes() {
    Device balloon = new Device();
    balloon.setId("Device/b1");
    balloon.addDeviceName().setName("CRE balloon 15-16.5-18 mm");
    CaseBuilder c =
        CaseBuilder.newCase()
            .note("The stricture was dilated to 16.5 mm with the balloon, held 60 seconds.")
            .add(balloon);
    c.procedure().addUsedReference(new Reference("Device/b1"));
    assertThat(agreement(c)).isEmpty();
  }

  @Test
  void staysQuietWhenOnlyOneSideGivesTheMeasure() {
    CaseBuilder structuredOnly =
        CaseBuilder.newCase().add(row("o1", "Balloon diameter", CaseBuilder.mm(18)));
    CaseBuilder noteOnly = CaseBuilder.newCase().note("Dilated with a 15 mm balloon.");
    assertThat(agreement(structuredOnly)).isEmpty();
    assertThat(agreement(noteOnly)).isEmpty();
  }

  @Test
  void theClaimAnswersForTheDisagreementOfTheProcedureItBillsOnce() {
    CaseBuilder c =
        CaseBuilder.newCase()
            .line("44405")
            .note("The stricture was dilated with a 15 mm balloon.")
            .add(row("o1", "Balloon diameter", CaseBuilder.mm(18)));
    assertThat(findings(evaluate(c, Stage.CLAIM), RULE))
        .singleElement()
        .satisfies(f -> assertThat(f.resource()).isEqualTo("Procedure/proc1"));
    assertThat(findings(evaluate(c, Stage.DOCUMENTATION, Stage.CLAIM), RULE)).hasSize(1);
  }

  @Test
  void bothValuesRemainEvidenceOfTheElement() {
    CaseBuilder c =
        CaseBuilder.newCase()
            .note("The stricture was dilated with a 15 mm balloon.")
            .add(row("o1", "Balloon diameter", CaseBuilder.mm(18)));
    List<Finding> all = evaluate(c, Stage.DOCUMENTATION);
    assertThat(findings(all, "doc-balloon-diameter")).isEmpty();
    assertThat(findings(all, RULE)).hasSize(1);
  }
}
