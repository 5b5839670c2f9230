package org.stomacds.server.checks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A 44405 case with ids of its own (tests share one database): a patient with commercial coverage,
 * an outpatient encounter at a POS 22 location, the Procedure with a note that lacks the balloon
 * size, and a professional Claim billing 44405 for K94.03 on that encounter.
 */
final class Cases {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String POS =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  static final String DATE = "2024-08-15";

  /** A complete note: every element the rules ask for. */
  static final String COMPLETE_NOTE =
      """
      PROCEDURE: Colonoscopy through stoma with balloon dilation.
      INDICATION: Stomal stenosis of end colostomy with obstructive symptoms.
      DESCRIPTION: The colonoscope was introduced through the colostomy. A tight stricture was found at the stoma, about 8 mm in diameter; the adult scope would not pass.
      It was dilated with an 18-19-20 mm CRE balloon, three inflations held for 60 seconds each. After dilation the lumen measured about 16 mm and the scope passed easily.
      The colon was examined to the cecum. No immediate complications.
      PLAN: Soft diet today, regular diet tomorrow. Call for fever, bleeding or abdominal pain. Clinic in 2 weeks.
      """;

  /** The same note without the balloon's size. */
  static final String NOTE_WITHOUT_BALLOON_SIZE =
      COMPLETE_NOTE.replace("an 18-19-20 mm CRE balloon", "a CRE balloon");

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final Patient patient = new Patient();
  final Organization payer = new Organization();
  final Coverage coverage = new Coverage();
  final Location location = new Location();
  final Encounter encounter = new Encounter();
  final Procedure procedure = new Procedure();
  final Claim claim = new Claim();

  Cases() {
    patient.setId(id("pat"));
    patient.addName().setFamily("Testpatient").addGiven("Synthetic");
    payer.setId(id("payer"));
    payer.setName("Acme Health Plan");
    coverage.setId(id("cov"));
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.setBeneficiary(ref(patient));
    coverage.addPayor(ref(payer));
    coverage.setType(new CodeableConcept(new Coding("https://nahdo.org/sopt", "5", null)));
    location.setId(id("loc"));
    location.addType(new CodeableConcept(new Coding(POS, "22", null)));
    encounter.setId(id("enc"));
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(ref(patient));
    encounter.addLocation().setLocation(ref(location));
    procedure.setId(id("proc"));
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(new CodeableConcept(new Coding(CPT, "44405", null)));
    procedure.setSubject(ref(patient));
    procedure.setEncounter(ref(encounter));
    procedure.setPerformed(new DateTimeType(DATE));
    procedure.addNote().setText(NOTE_WITHOUT_BALLOON_SIZE);
    claim.setId(id("claim"));
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setUse(Claim.Use.CLAIM);
    claim.setType(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null)));
    claim.setPatient(ref(patient));
    claim.setCreatedElement(new DateTimeType(DATE));
    claim.setProvider(new Reference("Practitioner/" + id("dr")));
    claim.getPriority().addCoding().setCode("normal");
    claim.addInsurance().setSequence(1).setFocal(true).setCoverage(ref(coverage));
    claim
        .addDiagnosis()
        .setSequence(1)
        .setDiagnosis(new CodeableConcept(new Coding(ICD10, "K94.03", null)));
    line("44405");
  }

  /** Adds a claim line for a CPT code on the encounter, pointing at the first diagnosis. */
  Cases line(String code) {
    int sequence = claim.getItem().size() + 1;
    Claim.ItemComponent item = claim.addItem().setSequence(sequence);
    item.setProductOrService(new CodeableConcept(new Coding(CPT, code, null)));
    item.setServiced(new DateType(DATE));
    item.addDiagnosisSequence(1);
    item.setLocation(new CodeableConcept(new Coding(POS, "22", null)));
    item.addEncounter(ref(encounter));
    return this;
  }

  /** A current note of the encounter, as plain text inline. */
  DocumentReference note(String text) {
    DocumentReference document = new DocumentReference();
    document.setId(id("note-" + UUID.randomUUID().toString().substring(0, 4)));
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setSubject(ref(patient));
    document.getContext().addEncounter(ref(encounter));
    document
        .addContent()
        .setAttachment(
            new Attachment()
                .setContentType("text/plain")
                .setData(text.getBytes(StandardCharsets.UTF_8)));
    return document;
  }

  /** Everything but the claim, in an order a server can store them one by one. */
  List<Resource> record() {
    return List.of(patient, payer, coverage, location, encounter, procedure);
  }

  String claimRef() {
    return "Claim/" + claim.getIdElement().getIdPart();
  }

  String procedureRef() {
    return "Procedure/" + procedure.getIdElement().getIdPart();
  }

  private String id(String kind) {
    return "t" + run + "-" + kind;
  }

  private static Reference ref(Resource resource) {
    return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }
}
