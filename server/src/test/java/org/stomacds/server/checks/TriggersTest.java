package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class TriggersTest {

  @Test
  void aNoteLeadsToItsPatientEncounterAndProcedure() {
    DocumentReference note = new DocumentReference();
    note.setSubject(new Reference("Patient/p1"));
    note.getContext()
        .addEncounter(new Reference("http://ehr.example.org/fhir/Encounter/e1/_history/2"));
    note.getContext().addRelated(new Reference("Procedure/x1"));
    note.getContext().addRelated(new Reference("#contained"));
    assertThat(Triggers.relatedRefs(note))
        .containsExactly("Patient/p1", "Encounter/e1", "Procedure/x1");
  }

  @Test
  void aClaimLeadsToItsEncountersNotToEveryClaimOfThePatient() {
    Claim claim = new Claim();
    claim.setPatient(new Reference("Patient/p1"));
    claim.addItem().addEncounter(new Reference("Encounter/e1"));
    claim.addProcedure().setProcedure(new Reference("Procedure/x1"));
    claim.addInsurance().setCoverage(new Reference("Coverage/c1"));
    assertThat(Triggers.relatedRefs(claim)).containsExactly("Encounter/e1");
  }

  @Test
  void anEncounterLeadsToItselfAndACoverageToItsBeneficiary() {
    Encounter encounter = new Encounter();
    encounter.setId("Encounter/e1");
    encounter.setSubject(new Reference("Patient/p1"));
    assertThat(Triggers.relatedRefs(encounter)).containsExactly("Encounter/e1", "Patient/p1");
    Coverage coverage = new Coverage();
    coverage.setBeneficiary(new Reference("Patient/p2"));
    assertThat(Triggers.relatedRefs(coverage)).containsExactly("Patient/p2");
  }

  @Test
  void aSedationProcedureLeadsToTheProcedureItIsPartOf() {
    Procedure sedation = new Procedure();
    sedation.setSubject(new Reference("Patient/p1"));
    sedation.addPartOf(new Reference("Procedure/x1"));
    assertThat(Triggers.relatedRefs(sedation)).containsExactly("Patient/p1", "Procedure/x1");
  }

  @Test
  void structuredDocumentationLeadsToItsProcedureAndAnEncountersVitalSignsToNothing() {
    org.hl7.fhir.r4.model.QuestionnaireResponse template =
        new org.hl7.fhir.r4.model.QuestionnaireResponse();
    template.setSubject(new Reference("Patient/p1"));
    template.setEncounter(new Reference("Encounter/e1"));
    assertThat(Triggers.relatedRefs(template)).containsExactly("Patient/p1", "Encounter/e1");
    org.hl7.fhir.r4.model.Observation row = new org.hl7.fhir.r4.model.Observation();
    row.setSubject(new Reference("Patient/p1"));
    row.setEncounter(new Reference("Encounter/e1"));
    assertThat(Triggers.relatedRefs(row)).isEmpty();
    row.addPartOf(new Reference("Procedure/x1"));
    row.addFocus(new Reference("Procedure/x2"));
    assertThat(Triggers.relatedRefs(row)).containsExactly("Procedure/x1", "Procedure/x2");
    assertThat(Triggers.isTrigger(row)).isTrue();
    assertThat(Triggers.isTrigger(template)).isTrue();
  }

  @Test
  void onlyTheTypesThatMayChangeFindingsAreRecorded() {
    assertThat(Triggers.isTrigger(new DocumentReference())).isTrue();
    assertThat(Triggers.isTrigger(new Patient())).isTrue();
    assertThat(Triggers.isTrigger(new org.hl7.fhir.r4.model.Organization())).isFalse();
    assertThat(Triggers.isTrigger(new org.hl7.fhir.r4.model.DetectedIssue())).isFalse();
  }
}
