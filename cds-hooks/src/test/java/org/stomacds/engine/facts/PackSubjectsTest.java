package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** One definition of a resource about a pack's code, whatever shape the client sends. */
class PackSubjectsTest {

  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private final PackSubjects subjects =
      new PackSubjects(Set.of("44405", "44381", "45386"), Set.of("00811"));

  @Test
  void anOrderCodedWithAPackCodeIsAnOrderUnlessRevokedOrEnteredInError() {
    ServiceRequest order = new ServiceRequest();
    order.setCode(new CodeableConcept(new Coding(CPT, "45386", null)));
    assertThat(subjects.isOrder(order)).isTrue();
    order.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
    assertThat(subjects.isOrder(order)).isFalse();
    assertThat(subjects.isAbout(order)).isTrue();
  }

  @Test
  void nullAndEmptyCodingsAreSkippedNotThrown() {
    ServiceRequest order = new ServiceRequest();
    CodeableConcept code = new CodeableConcept();
    code.getCoding().add(null);
    code.addCoding(new Coding());
    Coding absent = new Coding().setSystem(CPT);
    absent
        .getCodeElement()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    code.addCoding(absent);
    code.addCoding(new Coding(null, "44405", null));
    order.setCode(code);
    assertThat(subjects.isOrder(order)).isTrue();
    assertThat(subjects.isOrder(new ServiceRequest())).isFalse();
  }

  @Test
  void aClaimIsAboutAPackCodeByALineForItOrForItsAnesthesia() {
    Claim claim = new Claim();
    claim.addItem().setProductOrService(new CodeableConcept(new Coding(CPT, "99213", null)));
    assertThat(subjects.isAbout(claim)).isFalse();
    claim.addItem().setProductOrService(new CodeableConcept(new Coding(CPT, "00811", null)));
    assertThat(subjects.isAbout(claim)).isTrue();
    assertThat(subjects.bills(claim)).isFalse();
    claim.setStatus(Claim.ClaimStatus.ENTEREDINERROR);
    assertThat(subjects.isLiveSubject(claim)).isFalse();
  }

  @Test
  void aProcedureNotDoneIsAboutTheCodeButNotLive() {
    Procedure procedure = new Procedure();
    procedure.setCode(new CodeableConcept(new Coding(CPT, "44381", null)));
    procedure.setStatus(Procedure.ProcedureStatus.NOTDONE);
    assertThat(subjects.isAbout(procedure)).isTrue();
    assertThat(subjects.isLiveSubject(procedure)).isFalse();
  }
}
