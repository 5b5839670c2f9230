package org.stomacds.server.crash;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/** The resources a crash test writes: 44405 Procedures and Claims the write checks evaluate. */
final class CrashResources {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private CrashResources() {}

  static Procedure procedure(String id, String run) {
    Procedure procedure = new Procedure();
    if (id != null) {
      procedure.setId(id);
    }
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.getCode().addCoding().setSystem(CPT).setCode("44405");
    procedure.getSubject().setReference("Patient/" + run + "-patient");
    procedure.addNote().setText("Stricture dilated with a 15 mm balloon, three inflations.");
    return procedure;
  }

  static Claim claim(String id, String run) {
    Claim claim = new Claim();
    if (id != null) {
      claim.setId(id);
    }
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setUse(Claim.Use.CLAIM);
    claim
        .getType()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/claim-type")
        .setCode("professional");
    claim.getPatient().setReference("Patient/" + run + "-patient");
    claim.setCreatedElement(new DateTimeType("2026-11-20"));
    claim.getProvider().setReference("Practitioner/" + run + "-endoscopist");
    claim.getPriority().addCoding().setCode("normal");
    claim
        .addInsurance()
        .setSequence(1)
        .setFocal(true)
        .getCoverage()
        .setReference("Coverage/" + run);
    claim
        .addItem()
        .setSequence(1)
        .getProductOrService()
        .addCoding()
        .setSystem(CPT)
        .setCode("44405");
    return claim;
  }

  /** A transaction of four PUTs (patient, encounter, Procedure, Claim), as JSON. */
  static String transaction(String tx, String run) {
    Patient patient = new Patient();
    patient.setId(tx + "-patient");
    patient.addName().setFamily("Crashtest");
    Encounter encounter = new Encounter();
    encounter.setId(tx + "-encounter");
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter
        .getClass_()
        .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .setCode("AMB");
    encounter.getSubject().setReference("Patient/" + tx + "-patient");
    Procedure procedure = procedure(tx + "-procedure", run);
    procedure.getSubject().setReference("Patient/" + tx + "-patient");
    procedure.getEncounter().setReference("Encounter/" + tx + "-encounter");
    Claim claim = claim(tx + "-claim", run);
    claim.getPatient().setReference("Patient/" + tx + "-patient");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource r : new Resource[] {patient, encounter, procedure, claim}) {
      bundle
          .addEntry()
          .setResource(r)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }
}
