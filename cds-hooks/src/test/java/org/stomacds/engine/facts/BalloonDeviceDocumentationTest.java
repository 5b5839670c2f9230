package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;

/** The dilation balloon as a Device of the Procedure. */
class BalloonDeviceDocumentationTest {

  private static Device device(String id) {
    Device d = new Device();
    d.setId("Device/" + id);
    d.setStatus(Device.FHIRDeviceStatus.ACTIVE);
    return d;
  }

  @Test
  void aStagedBalloonNamedInUsedReferenceDocumentsEachSize() {
    Device balloon = device("b1");
    balloon.addDeviceName().setName("CRE wireguided balloon 15-16.5-18 mm, 5.5 cm long");
    CaseBuilder c = CaseBuilder.newCase().add(balloon);
    c.procedure().addUsedReference(new Reference("Device/b1"));
    Documentation docs = Facts.documentation(c);
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.statedValues(DocumentationElement.BALLOON_DIAMETER))
        .extracting(StatedValue::value)
        .containsExactly(15.0, 16.5, 18.0);
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER).get(0).expression())
        .isEqualTo("Device.deviceName[0].name");
    assertThat(docs.sources()).contains("Device/b1");
  }

  @Test
  void readsTheSizeFromTheTypeTextOrAFrenchProperty() {
    Device typed = device("b1");
    typed.setType(new CodeableConcept().setText("Through-the-scope dilation balloon 18 mm"));
    CaseBuilder byType = CaseBuilder.newCase().add(typed);
    byType.procedure().addFocalDevice().setManipulated(new Reference("Device/b1"));
    assertThat(Facts.documentation(byType).balloonDiameterMm()).hasValue(18);

    Device french = device("b2");
    french.setType(new CodeableConcept().setText("Balloon dilator"));
    french
        .addProperty()
        .setType(new CodeableConcept().setText("Outer diameter"))
        .addValueQuantity(new Quantity().setValue(60).setCode("[Ch]").setUnit("Fr"));
    french
        .addProperty()
        .setType(new CodeableConcept().setText("Length"))
        .addValueQuantity(new Quantity().setValue(2.4).setCode("cm"));
    CaseBuilder byProperty = CaseBuilder.newCase().add(french);
    byProperty.procedure().addUsedReference(new Reference("Device/b2"));
    assertThat(Facts.documentation(byProperty).balloonDiameterMm()).hasValue(20);
  }

  @Test
  void aStentOrADeviceWithoutASizeDocumentsNoBalloon() {
    Device stent = device("s1");
    stent.addDeviceName().setName("Colonic stent 22 mm x 90 mm");
    Device unsized = device("b1");
    unsized.addDeviceName().setName("CRE balloon, model 5836");
    CaseBuilder c = CaseBuilder.newCase().add(stent).add(unsized);
    c.procedure().addUsedReference(new Reference("Device/s1"));
    c.procedure().addUsedReference(new Reference("Device/b1"));
    Documentation docs = Facts.documentation(c);
    assertThat(docs.documents(DocumentationElement.BALLOON_DIAMETER)).isFalse();
  }

  @Test
  void aDeviceEnteredInErrorIsNotRead() {
    Device balloon = device("b1");
    balloon.setStatus(Device.FHIRDeviceStatus.ENTEREDINERROR);
    balloon.addDeviceName().setName("CRE balloon 18 mm");
    CaseBuilder c = CaseBuilder.newCase().add(balloon);
    c.procedure().addUsedReference(new Reference("Device/b1"));
    assertThat(Facts.documentation(c).balloonDiameterMm()).isEmpty();
  }
}
