package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/** Flowsheet rows and procedure panels as EHRs record them, read as documentation. */
class ObservationDocumentationTest {

  private static final String LOCAL = "urn:oid:1.2.840.114350.1.13.0.1.7.2.707679";

  private static Observation row(String id, String label, Type value) {
    Observation o = new Observation();
    o.setId("Observation/" + id);
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(new Coding(LOCAL, "30401" + id.length(), null)).setText(label));
    o.setEncounter(new Reference("Encounter/enc1"));
    o.setEffective(new DateTimeType("2024-08-15T09:30:00Z"));
    o.setValue(value);
    return o;
  }

  private static Quantity ucum(double value, String code) {
    return new Quantity()
        .setValue(value)
        .setUnit(code)
        .setCode(code)
        .setSystem("http://unitsofmeasure.org");
  }

  @Test
  void readsFlowsheetRowsWithALocalCodeByTheirText() {
    CaseBuilder c = CaseBuilder.newCase();
    c.add(row("o1", "Balloon diameter", ucum(18, "mm")));
    c.add(row("o2", "Number of inflations", ucum(3, "{count}")));
    c.add(row("o3", "Inflation time", ucum(1, "min")));
    c.add(row("o4", "Stricture distance from stoma", ucum(3, "cm")));
    Documentation docs = Facts.documentation(c);
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.inflationCount()).hasValue(3);
    assertThat(docs.inflationDurationSeconds()).hasValue(60);
    assertThat(docs.documents(DocumentationElement.STRICTURE_LOCATION)).isTrue();
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER))
        .containsExactly(
            new Evidence("Observation/o1", "Observation.value", "Balloon diameter: 18 mm"));
    assertThat(docs.sources()).contains("Observation/o1", "Observation/o4");
  }

  @Test
  void readsLoincCodedRowsWithoutAnyText() {
    CaseBuilder c = CaseBuilder.newCase();
    Observation indication =
        row("o1", null, new StringType("Stomal stenosis, obstructive symptoms"));
    indication.setCode(new CodeableConcept(new Coding("http://loinc.org", "59768-2", null)));
    Observation complications = row("o2", null, new CodeableConcept().setText("None"));
    complications.setCode(new CodeableConcept(new Coding("http://loinc.org", "55109-3", null)));
    c.add(indication).add(complications);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.INDICATION)).isTrue();
    assertThat(docs.documents(DocumentationElement.COMPLICATIONS)).isTrue();
    assertThat(docs.complicationsOccurred()).isFalse();
  }

  @Test
  void convertsFrenchSizesAndReadsSizesWrittenAsText() {
    CaseBuilder french = CaseBuilder.newCase();
    french.add(row("o1", "Dilation balloon size", ucum(54, "[Ch]")));
    assertThat(Facts.documentation(french).balloonDiameterMm()).hasValue(18);

    CaseBuilder text = CaseBuilder.newCase();
    text.add(row("o1", "Dilation balloon size", new StringType("15-16.5-18 mm")));
    Documentation docs = Facts.documentation(text);
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.statedValues(DocumentationElement.BALLOON_DIAMETER))
        .extracting(StatedValue::value)
        .containsExactly(15.0, 16.5, 18.0);
    assertThat(docs.statedValues(DocumentationElement.BALLOON_DIAMETER))
        .noneMatch(StatedValue::fromNote);
  }

  @Test
  void aRowWithoutASizeOrADataAbsentReasonDocumentsNothing() {
    CaseBuilder c = CaseBuilder.newCase();
    c.add(row("o1", "Balloon type", new StringType("CRE wireguided")));
    Observation absent = row("o2", "Number of inflations", null);
    absent.setDataAbsentReason(new CodeableConcept().setText("Not recorded"));
    c.add(absent);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isFalse();
    assertThat(docs.mentionedWithoutDocumenting(DocumentationElement.BALLOON_DIAMETER))
        .isNotEmpty();
    assertThat(docs.documents(DocumentationElement.INFLATION_COUNT)).isFalse();
    assertThat(
            docs.mentionedWithoutDocumenting(DocumentationElement.INFLATION_COUNT)
                .get(0)
                .expression())
        .isEqualTo("Observation.dataAbsentReason");
  }

  @Test
  void entriesInErrorOrCancelledAreNotRead() {
    CaseBuilder c = CaseBuilder.newCase();
    Observation error = row("o1", "Balloon diameter", ucum(18, "mm"));
    error.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
    Observation cancelled = row("o2", "Number of inflations", ucum(3, "{count}"));
    cancelled.setStatus(Observation.ObservationStatus.CANCELLED);
    c.add(error).add(cancelled);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isFalse();
    assertThat(docs.documents(DocumentationElement.INFLATION_COUNT)).isFalse();
  }

  @Test
  void aRowOfTheEncounterCountsOnlyWhenItsTimeIsInsideThePerformedPeriod() {
    CaseBuilder c = CaseBuilder.newCase();
    c.procedure()
        .setPerformed(
            new Period()
                .setStartElement(new DateTimeType("2024-08-15T09:00:00Z"))
                .setEndElement(new DateTimeType("2024-08-15T09:45:00Z")));
    c.add(row("o1", "Balloon diameter", ucum(18, "mm")));
    Observation later = row("o2", "Number of inflations", ucum(3, "{count}"));
    later.setEffective(new DateTimeType("2024-08-15T14:00:00Z"));
    Observation linked = row("o3", "Inflation time", ucum(60, "s"));
    linked.setEffective(new DateTimeType("2024-08-15T14:00:00Z"));
    linked.addPartOf(new Reference("Procedure/proc1"));
    c.add(later).add(linked);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isTrue();
    assertThat(docs.documents(DocumentationElement.INFLATION_COUNT)).isFalse();
    assertThat(docs.documents(DocumentationElement.INFLATION_DURATION)).isTrue();
  }

  @Test
  void aRowDerivedFromTheProceduresTemplateIsLinkedThroughIt() {
    CaseBuilder c = CaseBuilder.newCase();
    org.hl7.fhir.r4.model.QuestionnaireResponse template =
        new org.hl7.fhir.r4.model.QuestionnaireResponse();
    template.setId("QuestionnaireResponse/t1");
    template.setStatus(
        org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    template.addPartOf(new Reference("Procedure/proc1"));
    Observation derived = row("o1", "Balloon diameter", ucum(18, "mm"));
    derived.setEncounter(null);
    derived.addDerivedFrom(new Reference("QuestionnaireResponse/t1"));
    c.add(template).add(derived);
    assertThat(Facts.documentation(c).balloonDiameterMm()).hasValue(18);
  }

  @Test
  void readsTheComponentsOfAProcedurePanel() {
    CaseBuilder c = CaseBuilder.newCase();
    Observation panel = row("o1", "Balloon dilation", null);
    panel
        .addComponent()
        .setCode(new CodeableConcept().setText("Balloon size"))
        .setValue(ucum(18, "mm"));
    panel
        .addComponent()
        .setCode(new CodeableConcept().setText("Number of inflations"))
        .setValue(ucum(3, "1"));
    panel
        .addComponent()
        .setCode(new CodeableConcept().setText("Heart rate"))
        .setValue(ucum(72, "/min"));
    c.add(panel);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER).get(0).expression())
        .isEqualTo("Observation.component[0].value");
    assertThat(docs.inflationCount()).hasValue(3);
    assertThat(docs.sources()).containsOnlyOnce("Observation/o1");
  }

  @Test
  void pairsSedationStartAndStopRowsIntoMinutes() {
    CaseBuilder c = CaseBuilder.newCase();
    c.add(row("o1", "Sedation start time", new DateTimeType("2024-08-15T09:02:00Z")));
    c.add(row("o2", "Sedation end time", new StringType("09:31")));
    c.add(row("o3", "Sedation stop", new DateTimeType("2024-08-15T09:31:00Z")));
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.SEDATION_TIMES)).isTrue();
    assertThat(docs.sedationMinutes()).hasValue(29);
  }

  @Test
  void aRowNoLabelNamesDocumentsNothing() {
    CaseBuilder c = CaseBuilder.newCase();
    c.add(row("o1", "Heart rate", ucum(72, "/min")));
    Documentation docs = Facts.documentation(c);
    assertThat(docs.sources()).doesNotContain("Observation/o1");
  }
}
