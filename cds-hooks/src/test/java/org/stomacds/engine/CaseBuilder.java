package org.stomacds.engine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.rules.Stage;

/**
 * Builds a small, valid 44405 case for tests: a patient, an endoscopist, an encounter at a
 * location, a payer Organization and Coverage, the Procedure with its documentation, and a Claim
 * whose lines are added one by one. Defaults: a commercial payer nobody maps ("Acme Health Plan"),
 * a hospital outpatient encounter (POS 22 location), a professional claim on 2024-08-15.
 */
public final class CaseBuilder {

  public static final String CPT = "http://www.ama-assn.org/go/cpt";
  public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String POS =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  public static final String SOPT = "https://nahdo.org/sopt";
  public static final String DOC_ELEMENT =
      "https://stomacds.org/fhir/CodeSystem/documentation-element";
  public static final String DOC_EXTENSION =
      "https://stomacds.org/fhir/StructureDefinition/documentation-element";
  public static final String ADMIN_DOC =
      "https://stomacds.org/fhir/CodeSystem/administrative-document";
  public static final LocalDate DATE_OF_SERVICE = LocalDate.of(2024, 8, 15);

  private final Patient patient = new Patient();
  private final Practitioner endoscopist = new Practitioner();
  private final Organization payer = new Organization();
  private final Coverage coverage = new Coverage();
  private final Location location = new Location();
  private final Encounter encounter = new Encounter();
  private final Procedure procedure = new Procedure();
  private final Claim claim = new Claim();
  private final List<Resource> extra = new ArrayList<>();
  private boolean withClaim;
  private boolean withProcedure = true;
  private LocalDate date = DATE_OF_SERVICE;

  private CaseBuilder() {
    patient.setId("Patient/pat1");
    endoscopist.setId("Practitioner/dr1");
    endoscopist.addIdentifier(
        new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893"));
    payer.setId("Organization/payer1");
    payer.setName("Acme Health Plan");
    coverage.setId("Coverage/cov1");
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.setBeneficiary(new Reference("Patient/pat1"));
    coverage.addPayor(new Reference("Organization/payer1"));
    coverage.setType(concept(SOPT, "5"));
    location.setId("Location/loc1");
    location.addType(concept(POS, "22"));
    encounter.setId("Encounter/enc1");
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(new Reference("Patient/pat1"));
    encounter.addLocation().setLocation(new Reference("Location/loc1"));
    procedure.setId("Procedure/proc1");
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(concept(CPT, "44405"));
    procedure.setSubject(new Reference("Patient/pat1"));
    procedure.setEncounter(new Reference("Encounter/enc1"));
    procedure.addPerformer().setActor(new Reference("Practitioner/dr1"));
    claim.setId("Claim/claim1");
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setUse(Claim.Use.CLAIM);
    claim.setType(concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"));
    claim.setPatient(new Reference("Patient/pat1"));
    claim.setProvider(new Reference("Practitioner/dr1"));
    claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/cov1"));
  }

  /** A case with a procedure and nothing documented, and no claim yet. */
  public static CaseBuilder newCase() {
    return new CaseBuilder().on(DATE_OF_SERVICE);
  }

  public CaseBuilder on(LocalDate day) {
    this.date = day;
    procedure.setPerformed(new DateTimeType(day.toString()));
    return this;
  }

  public CaseBuilder patientBorn(LocalDate birthDate) {
    patient.setBirthDateElement(new DateType(birthDate.toString()));
    return this;
  }

  // ---- payer
  // -------------------------------------------------------------------------------------

  public CaseBuilder payer(String name, String soptCode) {
    payer.setName(name);
    coverage.setType(soptCode == null ? null : concept(SOPT, soptCode));
    return this;
  }

  public CaseBuilder originalMedicare() {
    return payer("Medicare Part B", "121");
  }

  public CaseBuilder unitedHealthcareCommercial() {
    return payer("UnitedHealthcare", "51");
  }

  public CaseBuilder unitedHealthcareMedicareAdvantage() {
    return payer("UnitedHealthcare", "11");
  }

  public CaseBuilder cigna() {
    return payer("Cigna Healthcare", "51");
  }

  public CaseBuilder aetna() {
    return payer("Aetna", "51");
  }

  public CaseBuilder independenceBlueCross() {
    return payer("Independence Blue Cross", "61");
  }

  public CaseBuilder anthem() {
    return payer("Anthem Blue Cross", "61");
  }

  public Coverage coverage() {
    return coverage;
  }

  public Organization payerOrganization() {
    return payer;
  }

  // ---- setting
  // -----------------------------------------------------------------------------------

  /** The encounter's location, typed with a CMS place of service code. */
  public CaseBuilder locationPlaceOfService(String pos) {
    location.getType().clear();
    location.addType(concept(POS, pos));
    return this;
  }

  public CaseBuilder inpatient() {
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
    return this;
  }

  public Encounter encounter() {
    return encounter;
  }

  // ---- documentation
  // -----------------------------------------------------------------------------

  public Procedure procedure() {
    return procedure;
  }

  public CaseBuilder withoutProcedure() {
    withProcedure = false;
    return this;
  }

  /** A note on the Procedure ({@code Procedure.note}). */
  /** The procedure coded with another code (a case of another pack: 44381, 45386). */
  public CaseBuilder procedureCode(String code) {
    procedure.setCode(concept(CPT, code));
    return this;
  }

  public CaseBuilder note(String text) {
    procedure.addNote().setText(text);
    return this;
  }

  /** A note as a DocumentReference of the encounter, inline. */
  public CaseBuilder documentReference(String id, String contentType, String text) {
    DocumentReference document = new DocumentReference();
    document.setId("DocumentReference/" + id);
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setSubject(new Reference("Patient/pat1"));
    document.getContext().addEncounter(new Reference("Encounter/enc1"));
    document
        .addContent()
        .setAttachment(
            new Attachment()
                .setContentType(contentType)
                .setData(text.getBytes(StandardCharsets.UTF_8)));
    extra.add(document);
    return this;
  }

  /** Our documentation extension on the Procedure. */
  public CaseBuilder documented(DocumentationElement element, Type value) {
    Extension extension = procedure.addExtension().setUrl(DOC_EXTENSION);
    extension.addExtension("element", new Coding(DOC_ELEMENT, element.id(), null));
    extension.addExtension("value", value);
    return this;
  }

  /** Every unconditional element documented through our extension (no note needed). */
  public CaseBuilder documentedEverything() {
    documented(DocumentationElement.ROUTE_THROUGH_STOMA, new StringType("through the colostomy"));
    documented(DocumentationElement.BALLOON_DIAMETER, mm(18));
    documented(DocumentationElement.INFLATION_COUNT, new org.hl7.fhir.r4.model.IntegerType(3));
    documented(
        DocumentationElement.INFLATION_DURATION,
        new Quantity().setValue(60).setUnit("s").setCode("s"));
    documented(DocumentationElement.STRICTURE_LOCATION, new StringType("at the stoma"));
    documented(DocumentationElement.PRE_DILATION_LUMEN, mm(8));
    documented(DocumentationElement.POST_DILATION_LUMEN, mm(16));
    documented(DocumentationElement.EXTENT_OF_EXAM, new StringType("complete, to the cecum"));
    documented(DocumentationElement.COMPLICATIONS, new org.hl7.fhir.r4.model.BooleanType(false));
    documented(DocumentationElement.INDICATION, new StringType("stomal stenosis"));
    documented(
        DocumentationElement.POST_PROCEDURE_INSTRUCTIONS,
        new StringType("soft diet, clinic 2 weeks"));
    return this;
  }

  /** Moderate sedation times through our extension. */
  public CaseBuilder sedationMinutes(int minutes) {
    documented(DocumentationElement.SEDATION_TYPE, new StringType("moderate sedation"));
    Period period = new Period();
    period.setStartElement(new DateTimeType(date + "T10:00:00Z"));
    period.setEndElement(
        new DateTimeType(date + "T10:" + String.format("%02d", minutes % 60) + ":00Z"));
    if (minutes >= 60) {
      period.setEndElement(
          new DateTimeType(date + "T11:" + String.format("%02d", minutes - 60) + ":00Z"));
    }
    documented(DocumentationElement.SEDATION_TIMES, period);
    return this;
  }

  public static Quantity mm(int value) {
    return new Quantity()
        .setValue(value)
        .setUnit("mm")
        .setCode("mm")
        .setSystem("http://unitsofmeasure.org");
  }

  // ---- claim
  // -------------------------------------------------------------------------------------

  public Claim claim() {
    withClaim = true;
    return claim;
  }

  public CaseBuilder institutional() {
    claim.setType(concept("http://terminology.hl7.org/CodeSystem/claim-type", "institutional"));
    withClaim = true;
    return this;
  }

  /** A claim diagnosis; every line points at every diagnosis added before it. */
  public CaseBuilder diagnosis(String icd10) {
    int sequence = claim.getDiagnosis().size() + 1;
    claim.addDiagnosis().setSequence(sequence).setDiagnosis(concept(ICD10, icd10));
    withClaim = true;
    return this;
  }

  /** A claim line on the date of service with POS 22, modifiers in the CPT/HCPCS system. */
  public CaseBuilder line(String code, String... modifiers) {
    return line(code, 1, modifiers);
  }

  public CaseBuilder line(String code, int quantity, String... modifiers) {
    withClaim = true;
    Claim.ItemComponent item = claim.addItem();
    item.setSequence(claim.getItem().size());
    item.setProductOrService(concept(code.startsWith("G") ? HCPCS : CPT, code));
    for (String modifier : modifiers) {
      boolean cpt = modifier.matches("\\d\\d|P\\d");
      item.addModifier(concept(cpt ? CPT : HCPCS, modifier));
    }
    item.setQuantity(new Quantity().setValue(quantity));
    item.setServiced(new DateType(date.toString()));
    item.setLocation(concept(POS, "22"));
    for (int i = 1; i <= claim.getDiagnosis().size(); i++) {
      item.addDiagnosisSequence(i);
    }
    item.addEncounter(new Reference("Encounter/enc1"));
    return this;
  }

  /** The last line was rendered by another practitioner (a care team member of the claim). */
  public CaseBuilder renderedBy(String practitionerId) {
    int sequence = claim.getCareTeam().size() + 1;
    claim
        .addCareTeam()
        .setSequence(sequence)
        .setProvider(new Reference("Practitioner/" + practitionerId));
    lastLine().getCareTeamSequence().clear();
    lastLine().addCareTeamSequence(sequence);
    return this;
  }

  /** The last line is on another date. */
  public CaseBuilder lineOn(LocalDate day) {
    lastLine().setServiced(new DateType(day.toString()));
    return this;
  }

  /**
   * A second Procedure for 44405 on the same day in another encounter (a separate session), with
   * the same documentation extensions as the first.
   */
  public Procedure secondSession() {
    Encounter second = encounter.copy();
    second.setId("Encounter/enc2");
    extra.add(second);
    Procedure other = procedure.copy();
    other.setId("Procedure/proc2");
    other.setEncounter(new Reference("Encounter/enc2"));
    extra.add(other);
    return other;
  }

  /** The last line added. */
  public Claim.ItemComponent lastLine() {
    return claim.getItem().get(claim.getItem().size() - 1);
  }

  public CaseBuilder placeOfService(String pos) {
    for (Claim.ItemComponent item : claim.getItem()) {
      item.setLocation(concept(POS, pos));
    }
    return this;
  }

  // ---- administrative
  // ----------------------------------------------------------------------------

  public CaseBuilder abnOnFile() {
    DocumentReference abn = new DocumentReference();
    abn.setId("DocumentReference/abn1");
    abn.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    abn.setType(concept(ADMIN_DOC, "abn"));
    abn.setSubject(new Reference("Patient/pat1"));
    abn.addContent()
        .setAttachment(new Attachment().setContentType("application/pdf").setUrl("urn:abn"));
    extra.add(abn);
    return this;
  }

  public CaseBuilder preAuthorization(String reference) {
    claim.getInsuranceFirstRep().addPreAuthRef(reference);
    return this;
  }

  // ---- order
  // -------------------------------------------------------------------------------------

  /** A draft order for 44405 with the given ICD-10-CM reasons. */
  public ServiceRequest order(String... reasons) {
    ServiceRequest order = new ServiceRequest();
    order.setId("ServiceRequest/sr1");
    order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setCode(concept(CPT, "44405"));
    order.setSubject(new Reference("Patient/pat1"));
    order.setOccurrence(new DateTimeType(date.toString()));
    for (String reason : reasons) {
      order.addReasonCode(concept(ICD10, reason));
    }
    order.addInsurance(new Reference("Coverage/cov1"));
    extra.add(order);
    return order;
  }

  public CaseBuilder add(Resource resource) {
    extra.add(resource);
    return this;
  }

  // ---- out
  // ---------------------------------------------------------------------------------------

  public List<Resource> resources() {
    List<Resource> resources = new ArrayList<>();
    resources.add(patient);
    resources.add(endoscopist);
    resources.add(payer);
    resources.add(coverage);
    resources.add(location);
    resources.add(encounter);
    if (withProcedure) {
      resources.add(procedure);
    }
    if (withClaim) {
      resources.add(claim);
    }
    resources.addAll(extra);
    return resources;
  }

  public EvaluationRequest request(Stage... stages) {
    Set<Stage> set =
        stages.length == 0 ? EnumSet.allOf(Stage.class) : EnumSet.copyOf(Arrays.asList(stages));
    return new EvaluationRequest(resources(), set, Set.of());
  }

  public static CodeableConcept concept(String system, String code) {
    return new CodeableConcept(new Coding(system, code, null));
  }
}
