package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;

/** A procedure template (QuestionnaireResponse) read as documentation. */
class TemplateDocumentationTest {

  private static QuestionnaireResponse template() {
    QuestionnaireResponse r = new QuestionnaireResponse();
    r.setId("QuestionnaireResponse/t1");
    r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    r.setSubject(new Reference("Patient/pat1"));
    r.setEncounter(new Reference("Encounter/enc1"));
    return r;
  }

  private static QuestionnaireResponseItemComponent item(
      QuestionnaireResponseItemComponent parent, String linkId, String text, Type... answers) {
    QuestionnaireResponseItemComponent item = parent.addItem().setLinkId(linkId).setText(text);
    for (Type answer : answers) {
      item.addAnswer().setValue(answer);
    }
    return item;
  }

  @Test
  void readsNestedItemsByTextOrLinkIdWithEveryAnswerType() {
    QuestionnaireResponse r = template();
    QuestionnaireResponseItemComponent dilation =
        r.addItem().setLinkId("dilation").setText("Dilation");
    item(dilation, "1.1", "Balloon diameter (mm)", new DecimalType("16.5"), new DecimalType(18));
    item(dilation, "inflationCount", null, new IntegerType(3));
    item(dilation, "1.3", "Inflation hold", new Quantity().setValue(45).setUnit("sec"));
    item(dilation, "1.4", "Complications", new BooleanType(false));
    item(
        dilation,
        "1.5",
        "Sedation type",
        new Coding("http://example.org/sedation", "MOD", "Moderate (conscious) sedation"));
    item(
        dilation,
        "1.6",
        "Post-procedure instructions",
        new StringType("Soft diet, clinic in 3 weeks"));
    CaseBuilder c = CaseBuilder.newCase().add(r);
    Documentation docs = Facts.documentation(c);
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.statedValues(DocumentationElement.BALLOON_DIAMETER))
        .extracting(StatedValue::value)
        .containsExactly(16.5, 18.0);
    assertThat(docs.inflationCount()).hasValue(3);
    assertThat(docs.inflationDurationSeconds()).hasValue(45);
    assertThat(docs.documents(DocumentationElement.COMPLICATIONS)).isTrue();
    assertThat(docs.complicationsOccurred()).isFalse();
    assertThat(docs.sedationKind()).contains(SedationKind.MODERATE);
    assertThat(docs.documents(DocumentationElement.POST_PROCEDURE_INSTRUCTIONS)).isTrue();
    assertThat(docs.evidence(DocumentationElement.INFLATION_COUNT).get(0).expression())
        .isEqualTo("QuestionnaireResponse.item[0].item[1].answer[0].value");
  }

  @Test
  void anUnansweredItemDocumentsNothing() {
    QuestionnaireResponse r = template();
    r.addItem().setLinkId("balloon").setText("Balloon size");
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(r));
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isFalse();
    assertThat(
            docs.mentionedWithoutDocumenting(DocumentationElement.BALLOON_DIAMETER).get(0).text())
        .isEqualTo("Balloon size: not answered");
  }

  @Test
  void aTemplateWithoutAnEncounterIsLinkedByPatientAndTimeInsideTheProcedure() {
    QuestionnaireResponse sameDay = template();
    sameDay.setEncounter(null);
    sameDay.setAuthoredElement(new DateTimeType("2024-08-15T10:05:00Z"));
    item(sameDay.addItem().setLinkId("g"), "n", "Number of inflations", new IntegerType(3));
    assertThat(Facts.documentation(CaseBuilder.newCase().add(sameDay)).inflationCount())
        .hasValue(3);

    QuestionnaireResponse otherDay = template();
    otherDay.setEncounter(null);
    otherDay.setAuthoredElement(new DateTimeType("2024-07-01T10:05:00Z"));
    item(otherDay.addItem().setLinkId("g"), "n", "Number of inflations", new IntegerType(3));
    assertThat(Facts.documentation(CaseBuilder.newCase().add(otherDay)).inflationCount()).isEmpty();
  }

  @Test
  void aTemplateBasedOnTheProceduresOrderIsLinked() {
    CaseBuilder c = CaseBuilder.newCase();
    c.procedure().addBasedOn(new Reference("ServiceRequest/order1"));
    QuestionnaireResponse r = template();
    r.setEncounter(null);
    r.setSubject(null);
    r.addBasedOn(new Reference("ServiceRequest/order1"));
    item(r.addItem().setLinkId("g"), "b", "Balloon diameter", new StringType("18 mm"));
    assertThat(Facts.documentation(c.add(r)).balloonDiameterMm()).hasValue(18);
  }

  @Test
  void aTemplateEnteredInErrorIsNotRead() {
    QuestionnaireResponse r = template();
    r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR);
    item(r.addItem().setLinkId("g"), "b", "Balloon diameter", new StringType("18 mm"));
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(r));
    assertThat(docs.balloonDiameterMm()).isEmpty();
    assertThat(docs.sources()).doesNotContain("QuestionnaireResponse/t1");
  }

  @Test
  void deepOrHugeTemplatesAreReadWithinBounds() {
    QuestionnaireResponse r = template();
    QuestionnaireResponseItemComponent at = r.addItem().setLinkId("0");
    for (int i = 0; i < 50; i++) {
      at = at.addItem().setLinkId("d" + i);
    }
    item(at, "deep", "Balloon diameter", new StringType("18 mm"));
    for (int i = 0; i < 2_000; i++) {
      r.addItem().setLinkId("x" + i).setText("Comment");
    }
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(r));
    assertThat(docs.balloonDiameterMm()).isEmpty();
  }
}
