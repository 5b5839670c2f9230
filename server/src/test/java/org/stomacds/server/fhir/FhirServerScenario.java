package org.stomacds.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.engine.terminology.Terminology;
import org.stomacds.server.support.RunningServer;

/**
 * What issue 2 promises, on one database: writes, transactions and terminology survive a restart,
 * bad input gets an OperationOutcome, a failed transaction leaves nothing behind. Two boots per
 * database (each about 25 s), so everything is checked in one scenario.
 */
@Tag(RunningServer.OWN_SERVERS)
abstract class FhirServerScenario {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SUPPORTING_DIAGNOSES =
      "https://stomacds.org/fhir/ValueSet/cpt-44405-supporting-diagnoses";
  static final FhirContext FHIR = FhirContext.forR4Cached();

  @TempDir Path dataDir;

  /** Command-line settings that point the application at this scenario's database. */
  abstract Map<String, String> database(Path dataDir);

  private Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(database(dataDir));
    settings.putIfAbsent("stomacds.fhir.data-dir", dataDir.toString());
    settings.put("stomacds.fhir.cors-allowed-origins[0]", "https://ehr.example.org");
    return settings;
  }

  @Test
  void keepsWritesTransactionsAndTerminologyAcrossARestart() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String procedureId;
    String claimId;
    String codeSystemVersion;
    try (RunningServer server = RunningServer.start(settings())) {
      assertThat(server.get("/actuator/health/readiness").body()).contains("\"UP\"");
      IGenericClient fhir = server.fhirClient();

      assertThat(server.bean(FhirContext.class).getParserOptions())
          .as("the application's FHIR context encodes without searching for targets to contain")
          .extracting(o -> o.isAutoContainReferenceTargetsWithNoId())
          .isEqualTo(false);
      assertContainedBalloonKept(fhir, run);
      procedureId = fhir.create().resource(procedure("p-" + run)).execute().getId().getIdPart();
      Procedure updated = fhir.read().resource(Procedure.class).withId(procedureId).execute();
      updated.addNote().setText("Dilated with a 15 mm balloon.");
      fhir.update().resource(updated).execute();
      claimId = fhir.create().resource(claim("p-" + run)).execute().getId().getIdPart();
      Bundle response = fhir.transaction().withBundle(transaction(run)).execute();
      assertThat(response.getEntry())
          .hasSize(3)
          .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));

      assertHistoryAndSearch(fhir, procedureId, run);
      assertTerminologyOperations(fhir);
      assertBadInputGetsOperationOutcomes(server, fhir, run, procedureId);
      assertCorsForAllowedOrigin(server);
      codeSystemVersion =
          fhir.read()
              .resource(CodeSystem.class)
              .withId("cpt-subset")
              .execute()
              .getMeta()
              .getVersionId();
    }

    try (RunningServer server = RunningServer.start(settings())) {
      assertThat(server.get("/actuator/health/readiness").body()).contains("\"UP\"");
      IGenericClient fhir = server.fhirClient();
      Procedure procedure = fhir.read().resource(Procedure.class).withId(procedureId).execute();
      assertThat(procedure.getNoteFirstRep().getText()).contains("15 mm");
      assertThat(procedure.getMeta().getVersionId()).isEqualTo("2");
      assertThat(
              fhir.read()
                  .resource(Claim.class)
                  .withId(claimId)
                  .execute()
                  .getItemFirstRep()
                  .getProductOrService()
                  .getCodingFirstRep()
                  .getCode())
          .isEqualTo("44405");
      assertThat(
              fhir.read()
                  .resource(Patient.class)
                  .withId("t" + run + "-patient")
                  .execute()
                  .getNameFirstRep()
                  .getFamily())
          .isEqualTo("Testpatient");
      assertThat(
              fhir.read()
                  .resource(Encounter.class)
                  .withId("t" + run + "-encounter")
                  .execute()
                  .getStatus())
          .isEqualTo(Encounter.EncounterStatus.FINISHED);
      // Loading is idempotent: the unchanged CodeSystem was not written again.
      assertThat(
              fhir.read()
                  .resource(CodeSystem.class)
                  .withId("cpt-subset")
                  .execute()
                  .getMeta()
                  .getVersionId())
          .isEqualTo(codeSystemVersion);
      assertSupportingDiagnosesExpand(fhir, server.bean(Terminology.class));
    }
  }

  private void assertHistoryAndSearch(IGenericClient fhir, String procedureId, String run) {
    Bundle history =
        fhir.history().onInstance("Procedure/" + procedureId).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);
    Bundle byCode =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.CODE.exactly().systemAndCode(CPT, "44405"))
            .and(Procedure.SUBJECT.hasId("Patient/p-" + run))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byCode.getEntry()).hasSize(1);
  }

  private void assertTerminologyOperations(IGenericClient fhir) {
    Parameters lookup =
        fhir.operation()
            .onType(CodeSystem.class)
            .named("$lookup")
            .withParameter(Parameters.class, "system", new UriType(CPT))
            .andParameter("code", new CodeType("44405"))
            .execute();
    assertThat(lookup.getParameter("display").getValue().primitiveValue())
        .isEqualTo("Stoma colonoscopy, balloon dilation of stricture");
    assertThat(properties(lookup))
        .containsEntry("global-days", "000")
        .containsEntry("mue-practitioner", "1")
        .containsEntry("endoscopic-base", "44388")
        .containsEntry("family", "stoma-colonoscopy");
    assertThatThrownBy(
            () ->
                fhir.operation()
                    .onType(CodeSystem.class)
                    .named("$lookup")
                    .withParameter(Parameters.class, "system", new UriType(CPT))
                    .andParameter("code", new CodeType("99999"))
                    .execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getMessage()).contains("code '99999'").contains("'" + CPT + "'");
            });

    Parameters valueSetCheck =
        fhir.operation()
            .onType(ValueSet.class)
            .named("$validate-code")
            .withParameter(Parameters.class, "url", new UriType(SUPPORTING_DIAGNOSES))
            .andParameter("system", new UriType(ICD10))
            .andParameter("code", new CodeType("K94.03"))
            .execute();
    assertThat(valueSetCheck.getParameterBool("result")).isTrue();
    Parameters notSupporting =
        fhir.operation()
            .onType(ValueSet.class)
            .named("$validate-code")
            .withParameter(Parameters.class, "url", new UriType(SUPPORTING_DIAGNOSES))
            .andParameter("system", new UriType(ICD10))
            .andParameter("code", new CodeType("Z93.3"))
            .execute();
    assertThat(notSupporting.getParameterBool("result")).isFalse();
    Parameters codeSystemCheck =
        fhir.operation()
            .onType(CodeSystem.class)
            .named("$validate-code")
            .withParameter(Parameters.class, "url", new UriType(ICD10))
            .andParameter("code", new CodeType("K94.03"))
            .execute();
    assertThat(codeSystemCheck.getParameterBool("result")).isTrue();
  }

  private static Map<String, String> properties(Parameters lookup) {
    Map<String, String> values = new HashMap<>();
    lookup.getParameter().stream()
        .filter(p -> p.getName().equals("property"))
        .forEach(
            p -> {
              String code = null;
              String value = null;
              for (Parameters.ParametersParameterComponent part : p.getPart()) {
                if (part.getName().equals("code")) {
                  code = part.getValue().primitiveValue();
                } else if (part.getName().equals("value")) {
                  value = part.getValue().primitiveValue();
                }
              }
              values.putIfAbsent(code, value);
            });
    return values;
  }

  private void assertSupportingDiagnosesExpand(IGenericClient fhir, Terminology terminology) {
    ValueSet expansion =
        fhir.operation()
            .onType(ValueSet.class)
            .named("$expand")
            .withParameter(Parameters.class, "url", new UriType(SUPPORTING_DIAGNOSES))
            .returnResourceType(ValueSet.class)
            .execute();
    assertThat(expansion.getExpansion().getContains())
        .hasSize(terminology.expectedSize(SUPPORTING_DIAGNOSES))
        .extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
        .contains("K94.03", "K94.13", "K56.699");
  }

  private void assertBadInputGetsOperationOutcomes(
      RunningServer server, IGenericClient fhir, String run, String procedureId) {
    HttpResponse<String> malformed =
        server.postJson("/fhir/Procedure", "{\"resourceType\": \"Procedure\", ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("OperationOutcome");

    HttpResponse<String> wrongType =
        server.postJson("/fhir/Procedure", "{\"resourceType\":\"Procedure\",\"status\":42}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("OperationOutcome");

    HttpResponse<String> unknownType = server.get("/fhir/Spaceship/1");
    assertThat(unknownType.statusCode()).isBetween(400, 404);
    assertThat(unknownType.body()).contains("OperationOutcome").contains("Spaceship");

    // A code the subset does not carry never blocks a write.
    Claim unknownCode = claim("p-" + run);
    unknownCode.getItemFirstRep().getProductOrService().getCodingFirstRep().setCode("99999");
    assertThat(fhir.create().resource(unknownCode).execute().getCreated()).isTrue();

    // The second entry fails (the stored Procedure is at version 2, not 7): nothing of the
    // bundle stays, not even the Patient the first entry wrote.
    Bundle failing = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient patient = new Patient();
    patient.setId("f" + run + "-patient");
    patient.addName().setFamily("Halfwritten");
    failing
        .addEntry()
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/f" + run + "-patient");
    Procedure conflicting = procedure("f" + run + "-patient");
    conflicting.setId(procedureId);
    failing
        .addEntry()
        .setResource(conflicting)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Procedure/" + procedureId)
        .setIfMatch("W/\"7\"");
    assertThatThrownBy(() -> fhir.transaction().withBundle(failing).execute())
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isBetween(400, 499);
              assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
            });
    assertThatThrownBy(
            () -> fhir.read().resource(Patient.class).withId("f" + run + "-patient").execute())
        .isInstanceOf(BaseServerResponseException.class)
        .satisfies(
            e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(404));
  }

  private void assertCorsForAllowedOrigin(RunningServer server) {
    HttpResponse<String> preflight =
        server.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.fhirBase() + "/Procedure"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
            "Origin",
            "https://ehr.example.org",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertThat(preflight.statusCode()).isBetween(200, 299);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://ehr.example.org");
    HttpResponse<String> foreign =
        server.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.fhirBase() + "/Procedure"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
            "Origin",
            "https://evil.example.net",
            "Access-Control-Request-Method",
            "POST");
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** A balloon sent as a contained Device (as EHRs send a focal device) is stored and read back. */
  private static void assertContainedBalloonKept(IGenericClient fhir, String run) {
    Procedure sent = procedure("pb-" + run);
    Device balloon = new Device();
    balloon.setId("balloon");
    balloon
        .addDeviceName()
        .setName("CRE balloon 15 mm")
        .setType(Device.DeviceNameType.USERFRIENDLYNAME);
    sent.addContained(balloon);
    sent.addFocalDevice().setManipulated(new Reference("#balloon"));
    String id = fhir.create().resource(sent).execute().getId().getIdPart();

    Procedure back = fhir.read().resource(Procedure.class).withId(id).execute();
    assertThat(back.getContained()).hasSize(1);
    assertThat(((Device) back.getContained().get(0)).getDeviceNameFirstRep().getName())
        .isEqualTo("CRE balloon 15 mm");
    assertThat(back.getFocalDeviceFirstRep().getManipulated().getReference()).isEqualTo("#balloon");
  }

  static Procedure procedure(String patientId) {
    Procedure procedure = new Procedure();
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.getCode().addCoding().setSystem(CPT).setCode("44405");
    procedure.getSubject().setReference("Patient/" + patientId);
    return procedure;
  }

  static Claim claim(String patientId) {
    Claim claim = new Claim();
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setUse(Claim.Use.CLAIM);
    claim
        .getType()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/claim-type")
        .setCode("professional");
    claim.getPatient().setReference("Patient/" + patientId);
    claim.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20"));
    claim.getProvider().setReference("Practitioner/endoscopist");
    claim.getPriority().addCoding().setCode("normal");
    claim.addInsurance().setSequence(1).setFocal(true).getCoverage().setReference("Coverage/c1");
    claim
        .addDiagnosis()
        .setSequence(1)
        .getDiagnosisCodeableConcept()
        .addCoding()
        .setSystem(ICD10)
        .setCode("K94.03");
    Claim.ItemComponent item = claim.addItem().setSequence(1);
    item.getProductOrService().addCoding().setSystem(CPT).setCode("44405");
    item.addDiagnosisSequence(1);
    return claim;
  }

  private static Bundle transaction(String run) {
    String prefix = "t" + run;
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient patient = new Patient();
    patient.setId(prefix + "-patient");
    patient.addName().setFamily("Testpatient").addGiven("Synthetic");
    Encounter encounter = new Encounter();
    encounter.setId(prefix + "-encounter");
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter
        .getClass_()
        .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .setCode("AMB");
    encounter.getSubject().setReference("Patient/" + prefix + "-patient");
    Procedure procedure = procedure(prefix + "-patient");
    procedure.setId(prefix + "-procedure");
    procedure.getEncounter().setReference("Encounter/" + prefix + "-encounter");
    procedure.addNote().setText(new StringType("Scope passed through the colostomy.").getValue());
    for (var resource : new org.hl7.fhir.r4.model.Resource[] {patient, encounter, procedure}) {
      bundle
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return bundle;
  }
}
