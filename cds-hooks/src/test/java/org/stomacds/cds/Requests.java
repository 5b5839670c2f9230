package org.stomacds.cds;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Request bodies shaped like Epic's order hooks and the spec's discharge example. */
final class Requests {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String TOKEN = "ehr-access-token-do-not-log";
  static final String PATIENT_NAME = "Quinnfield";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private Requests() {}

  static ObjectNode node(Resource resource) {
    try {
      return (ObjectNode) MAPPER.readTree(FHIR.newJsonParser().encodeResourceToString(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Resource parse(String json) {
    return (Resource) FHIR.newJsonParser().parseResource(json);
  }

  static ServiceRequest dilationOrder(String id) {
    ServiceRequest sr = new ServiceRequest();
    sr.setId(id);
    sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setCode(new CodeableConcept().addCoding(new Coding(CPT, "44405", null)));
    sr.setSubject(new Reference("Patient/p1"));
    sr.setEncounter(new Reference("Encounter/e1"));
    sr.addReasonReference(new Reference("Condition/k94"));
    return sr;
  }

  /** A draft order of patient p1 coded with the given codings (an EHR's own code first, say). */
  static ServiceRequest order(String id, Coding... codings) {
    ServiceRequest sr = new ServiceRequest();
    sr.setId(id);
    sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    CodeableConcept code = new CodeableConcept();
    for (Coding c : codings) {
      code.addCoding(c);
    }
    sr.setCode(code);
    sr.setSubject(new Reference("Patient/p1"));
    return sr;
  }

  static MedicationRequest otherOrder() {
    MedicationRequest mr = new MedicationRequest();
    mr.setId("med1");
    mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    mr.setSubject(new Reference("Patient/p1"));
    return mr;
  }

  static Patient patient() {
    Patient p = new Patient();
    p.setId("p1");
    p.addName(new HumanName().setFamily(PATIENT_NAME));
    return p;
  }

  static Coverage coverage() {
    Coverage c = new Coverage();
    c.setId("cov1");
    c.setStatus(Coverage.CoverageStatus.ACTIVE);
    c.setBeneficiary(new Reference("Patient/p1"));
    c.addPayor(new Reference("Organization/payer"));
    return c;
  }

  static Organization payer() {
    Organization o = new Organization();
    o.setId("payer");
    o.setName("Example Health Plan");
    return o;
  }

  static Encounter encounter() {
    Encounter e = new Encounter();
    e.setId("e1");
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setSubject(new Reference("Patient/p1"));
    e.addLocation().setLocation(new Reference("Location/endo"));
    return e;
  }

  static Location location() {
    Location l = new Location();
    l.setId("endo");
    return l;
  }

  static Condition condition() {
    Condition c = new Condition();
    c.setId("k94");
    c.setSubject(new Reference("Patient/p1"));
    c.setCode(
        new CodeableConcept()
            .addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K94.03", null)));
    return c;
  }

  static Procedure procedure() {
    Procedure p = new Procedure();
    p.setId("proc1");
    p.setStatus(Procedure.ProcedureStatus.COMPLETED);
    p.setCode(new CodeableConcept().addCoding(new Coding(CPT, "44405", null)));
    p.setSubject(new Reference("Patient/p1"));
    p.setEncounter(new Reference("Encounter/e1"));
    p.addPerformer().setActor(new Reference("Practitioner/dr1"));
    return p;
  }

  static Claim claim() {
    Claim c = new Claim();
    c.setId("c1");
    c.setStatus(Claim.ClaimStatus.DRAFT);
    c.setPatient(new Reference("Patient/p1"));
    c.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/cov1"));
    c.addDiagnosis().setSequence(1).setDiagnosis(new Reference("Condition/k94"));
    c.addItem()
        .setSequence(1)
        .setProductOrService(new CodeableConcept().addCoding(new Coding(CPT, "44405", null)))
        .setQuantity(new Quantity(1))
        .setNet(new Money().setValue(new BigDecimal("500")))
        .addEncounter(new Reference("Encounter/e1"));
    c.addItem()
        .setSequence(2)
        .setProductOrService(new CodeableConcept().addCoding(new Coding(CPT, "44388", null)))
        .setQuantity(new Quantity(1))
        .setNet(new Money().setValue(new BigDecimal("300")))
        .addEncounter(new Reference("Encounter/e1"));
    return c;
  }

  static DocumentReference note() {
    DocumentReference d = new DocumentReference();
    d.setId("note1");
    d.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
    d.addContent()
        .setAttachment(
            new Attachment()
                .setContentType("text/plain")
                .setData("Balloon dilation through the stoma.".getBytes()));
    return d;
  }

  static Bundle searchset(Resource... matches) {
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.SEARCHSET);
    for (Resource r : matches) {
      b.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    return b;
  }

  static Bundle include(Bundle bundle, Resource... includes) {
    for (Resource r : includes) {
      bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
    }
    return bundle;
  }

  /** An order hook body; draft orders as a Bundle. */
  static ObjectNode orderHook(String hook, Resource... drafts) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    body.put("hook", hook);
    ObjectNode context = body.putObject("context");
    context.put("userId", "Practitioner/u1");
    context.put("patientId", "p1");
    context.put("encounterId", "e1");
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.COLLECTION);
    for (Resource r : drafts) {
      bundle.addEntry().setResource(r);
    }
    context.set("draftOrders", node(bundle));
    body.putObject("prefetch");
    return body;
  }

  /** The encounter of the order hooks: under way while the order is placed. */
  static Encounter openEncounter() {
    Encounter e = encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    return e;
  }

  /** The full order prefetch (the patient's open encounters hold the order's). */
  static ObjectNode fullOrderPrefetch(ObjectNode body) {
    ObjectNode prefetch = (ObjectNode) body.get("prefetch");
    prefetch.set("patient", node(patient()));
    prefetch.set("encounters", node(include(searchset(openEncounter()), location())));
    prefetch.set("coverage", node(include(searchset(coverage()), payer())));
    prefetch.set("conditions", node(searchset(condition())));
    prefetch.set("procedures", node(searchset()));
    return body;
  }

  /** A spec-shaped encounter-discharge body with a full prefetch. */
  static ObjectNode discharge(Claim claim) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("hookInstance", "5d3c2b1a-0000-4000-8000-00000000d15c");
    body.put("hook", "encounter-discharge");
    ObjectNode context = body.putObject("context");
    context.put("userId", "Practitioner/u1");
    context.put("patientId", "p1");
    context.put("encounterId", "e1");
    ObjectNode prefetch = body.putObject("prefetch");
    prefetch.set("patient", node(patient()));
    prefetch.set("encounter", node(include(searchset(encounter()), location())));
    prefetch.set("procedures", node(searchset(procedure())));
    prefetch.set("claims", node(searchset(claim)));
    prefetch.set("documents", node(searchset(note())));
    prefetch.set("observations", node(searchset()));
    prefetch.set("questionnaireResponses", node(searchset()));
    prefetch.set("diagnosticReports", node(searchset()));
    prefetch.set("conditions", node(searchset(condition())));
    prefetch.set("coverage", node(include(searchset(coverage()), payer())));
    prefetch.set("priorProcedures", node(searchset(procedure())));
    return body;
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
