package org.stomacds.casedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaseAssemblerTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final CaseAssembler assembler = new CaseAssembler(pool, Duration.ofSeconds(2));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static Claim claim() {
    Claim claim = new Claim();
    claim.setId("c1");
    claim.setPatient(new Reference("Patient/p1"));
    claim.addInsurance().setCoverage(new Reference("Coverage/cov1"));
    claim.addItem().setSequence(1).addEncounter(new Reference("Encounter/e1"));
    claim.addDiagnosis().setSequence(1).setDiagnosis(new Reference("Condition/k94"));
    return claim;
  }

  static Resource[] record() {
    Patient patient = new Patient();
    patient.setId("p1");
    Coverage coverage = new Coverage();
    coverage.setId("cov1");
    coverage.setBeneficiary(new Reference("Patient/p1"));
    coverage.addPayor(new Reference("Organization/payer"));
    Organization payer = new Organization();
    payer.setId("payer");
    Encounter encounter = new Encounter();
    encounter.setId("e1");
    encounter.setSubject(new Reference("Patient/p1"));
    encounter.addLocation().setLocation(new Reference("Location/endo"));
    Location location = new Location();
    location.setId("endo");
    Condition condition = new Condition();
    condition.setId("k94");
    return new Resource[] {patient, coverage, payer, encounter, location, condition};
  }

  static Procedure procedure() {
    Procedure procedure = new Procedure();
    procedure.setId("proc1");
    procedure.setSubject(new Reference("Patient/p1"));
    procedure.setEncounter(new Reference("Encounter/e1"));
    return procedure;
  }

  static DocumentReference note() {
    DocumentReference note = new DocumentReference();
    note.setId("note1");
    note.addContent().setAttachment(new Attachment().setUrl("Binary/b1"));
    return note;
  }

  @Test
  void followsReferencesFromAClaimToPatientCoveragePayerEncounterAndLocation() {
    RecordingSource source = new RecordingSource().add(record());
    source.search("Procedure?encounter=e1", procedure());

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, List.of(claim()), null, null),
            KnownResources.none(),
            source);

    assertThat(data.complete()).isTrue();
    assertThat(data.resources())
        .extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
        .contains(
            "Claim/c1",
            "Patient/p1",
            "Coverage/cov1",
            "Organization/payer",
            "Encounter/e1",
            "Location/endo",
            "Condition/k94",
            "Procedure/proc1");
    assertThat(source.calls)
        .contains(
            "Coverage?patient=p1",
            "Procedure?patient=p1",
            "Claim?encounter=e1",
            "DocumentReference?encounter=e1");
  }

  @Test
  void readsTheBinaryOfANoteAttachmentGivenByUrl() {
    RecordingSource source = new RecordingSource().add(record());
    org.hl7.fhir.r4.model.Binary binary = new org.hl7.fhir.r4.model.Binary();
    binary.setId("b1");
    source.add(binary).search("DocumentReference?encounter=e1", note());

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, List.of(), "p1", "e1"),
            KnownResources.none(),
            source);

    assertThat(data.resolve("Binary/b1")).isPresent();
  }

  @Test
  void readsTheBalloonDeviceAndTheEncountersObservationsThatDocumentTheProcedure() {
    Procedure procedure = procedure();
    procedure.addFocalDevice().setManipulated(new Reference("Device/balloon"));
    org.hl7.fhir.r4.model.Device balloon = new org.hl7.fhir.r4.model.Device();
    balloon.setId("balloon");
    org.hl7.fhir.r4.model.Observation inflations = new org.hl7.fhir.r4.model.Observation();
    inflations.setId("inflations");
    inflations.setEncounter(new Reference("Encounter/e1"));
    RecordingSource source =
        new RecordingSource()
            .add(record())
            .add(balloon)
            .search("Procedure?encounter=e1", procedure)
            .search("Observation?encounter=e1", inflations);

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, List.of(), "p1", "e1"),
            KnownResources.none(),
            source);

    assertThat(data.complete()).isTrue();
    assertThat(data.resolve("Device/balloon")).isPresent();
    assertThat(data.resolve("Observation/inflations")).isPresent();
  }

  @Test
  void readsTheEncountersTemplatesReportsTheirBinariesAndResultsAndTheUsedDevices() {
    Procedure procedure = procedure();
    procedure.addUsedReference(new Reference("Device/balloon"));
    procedure.addUsedReference(new Reference("Medication/m1"));
    org.hl7.fhir.r4.model.Device balloon = new org.hl7.fhir.r4.model.Device();
    balloon.setId("balloon");
    org.hl7.fhir.r4.model.QuestionnaireResponse template =
        new org.hl7.fhir.r4.model.QuestionnaireResponse();
    template.setId("t1");
    org.hl7.fhir.r4.model.DiagnosticReport report = new org.hl7.fhir.r4.model.DiagnosticReport();
    report.setId("r1");
    report.addPresentedForm(new Attachment().setUrl("Binary/pdf1"));
    report.addResult(new Reference("Observation/size"));
    org.hl7.fhir.r4.model.Binary pdf = new org.hl7.fhir.r4.model.Binary();
    pdf.setId("pdf1");
    org.hl7.fhir.r4.model.Observation size = new org.hl7.fhir.r4.model.Observation();
    size.setId("size");
    RecordingSource source =
        new RecordingSource()
            .add(record())
            .add(balloon, pdf, size)
            .search("Procedure?encounter=e1", procedure)
            .search("QuestionnaireResponse?encounter=e1", template)
            .search("DiagnosticReport?encounter=e1", report);

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, List.of(), "p1", "e1"),
            KnownResources.none(),
            source);

    assertThat(data.complete()).isTrue();
    for (String ref :
        List.of(
            "Device/balloon",
            "QuestionnaireResponse/t1",
            "DiagnosticReport/r1",
            "Binary/pdf1",
            "Observation/size")) {
      assertThat(data.resolve(ref)).as(ref).isPresent();
    }
    assertThat(source.calls).doesNotContain("Medication/m1");
  }

  @Test
  void fetchesAnAttachmentByAbsoluteUrlOnlyUnderTheSourcesBase() {
    DocumentReference note = new DocumentReference();
    note.setId("note1");
    note.addContent()
        .setAttachment(new Attachment().setUrl("https://ehr.example.org/fhir/Binary/mine"));
    note.addContent()
        .setAttachment(new Attachment().setUrl("https://elsewhere.example.org/fhir/Binary/theirs"));
    org.hl7.fhir.r4.model.Binary mine = new org.hl7.fhir.r4.model.Binary();
    mine.setId("mine");
    org.hl7.fhir.r4.model.Binary theirs = new org.hl7.fhir.r4.model.Binary();
    theirs.setId("theirs");
    RecordingSource recording =
        new RecordingSource()
            .add(record())
            .add(mine, theirs)
            .search("DocumentReference?encounter=e1", note);
    FhirDataSource source =
        new FhirDataSource() {
          @Override
          public java.util.Optional<Resource> read(String reference) {
            return recording.read(reference);
          }

          @Override
          public List<Resource> search(String relativeQuery) {
            return recording.search(relativeQuery);
          }

          @Override
          public java.util.Optional<String> relativeUrl(String absoluteUrl) {
            String base = "https://ehr.example.org/fhir/";
            return absoluteUrl.startsWith(base)
                ? java.util.Optional.of(absoluteUrl.substring(base.length()))
                : java.util.Optional.empty();
          }
        };

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, List.of(), "p1", "e1"),
            KnownResources.none(),
            source);

    assertThat(data.resolve("Binary/mine")).isPresent();
    assertThat(recording.calls).contains("Binary/mine").doesNotContain("Binary/theirs");
  }

  @Test
  void asksNothingOfTheSourceWhenThePrefetchAnswersEveryLookup() {
    KnownResources.Builder known = KnownResources.builder();
    for (Resource r : record()) {
      known.resource(r);
    }
    known.answer(
        "Coverage?patient=p1&_include=Coverage:payor", List.of(record()[1]), List.of(record()[2]));
    known.answer("Condition?patient=p1", List.of(record()[5]), List.of());
    known.answer("Procedure?patient=p1", List.of(), List.of());
    known.answer("Patient/p1", List.of(record()[0]), List.of());
    known.answer(
        "Encounter?_id=e1&_include=Encounter:location", List.of(record()[3]), List.of(record()[4]));
    FhirDataSource refuses = FhirDataSource.unavailable("must not be called");

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ORDER, List.of(procedure()), "p1", "e1"),
            known.build(),
            refuses);

    assertThat(data.missing()).isEmpty();
    assertThat(data.resolve("Organization/payer")).isPresent();
    assertThat(data.resolve("Location/endo")).isPresent();
  }

  @Test
  void reportsWhatItCouldNotObtainWhenThereIsNoSource() {
    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ORDER, List.of(), "p1", null),
            KnownResources.none(),
            FhirDataSource.unavailable("no fhirServer"));

    assertThat(data.complete()).isFalse();
    assertThat(data.missing())
        .extracting(MissingData::lookup)
        .contains(
            "Patient/p1", "Coverage?patient=p1", "Condition?patient=p1", "Procedure?patient=p1");
    assertThat(data.missing()).allMatch(m -> m.reason().equals("no fhirServer"));
  }

  @Test
  void takesANullPrefetchAsNoDataAndDoesNotFetchIt() {
    KnownResources known =
        KnownResources.builder()
            .answer("Patient/p1", List.of(record()[0]), List.of())
            .answer("Coverage?patient=p1", List.of(), List.of())
            .answer("Condition?patient=p1", List.of(), List.of())
            .answer("Procedure?patient=p1", List.of(), List.of())
            .build();
    RecordingSource source = new RecordingSource();

    CaseData data =
        assembler.assemble(new CaseRequest(CaseScope.ORDER, List.of(), "p1", null), known, source);

    assertThat(data.complete()).isTrue();
    assertThat(source.calls).isEmpty();
  }

  @Test
  void leavesADanglingReferenceOutWithoutCallingItMissing() {
    RecordingSource source = new RecordingSource().add(record()); // no Procedure/gone
    Claim claim = claim();
    claim.addProcedure().setSequence(1).setProcedure(new Reference("Procedure/gone"));

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ORDER, List.of(claim), null, null),
            KnownResources.none(),
            source);

    assertThat(data.complete()).isTrue();
    assertThat(data.resolve("Procedure/gone")).isEmpty();
  }

  @Test
  void fetchesInParallelAndGivesUpAtTheDeadline() {
    CaseAssembler quick = new CaseAssembler(pool, Duration.ofMillis(300));
    FhirDataSource slow =
        new FhirDataSource() {
          @Override
          public Optional<Resource> read(String reference) {
            sleep();
            return Optional.empty();
          }

          @Override
          public List<Resource> search(String relativeQuery) {
            sleep();
            return List.of();
          }

          private void sleep() {
            try {
              Thread.sleep(5_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    long start = System.nanoTime();

    CaseData data =
        quick.assemble(
            new CaseRequest(CaseScope.ORDER, List.of(), "p1", null), KnownResources.none(), slow);

    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMs).isLessThan(2_000);
    assertThat(data.missing())
        .hasSize(4)
        .allMatch(m -> m.reason().contains("no answer within 300 ms"));
  }

  @Test
  void keepsPriorProceduresAsLeavesWithoutFollowingTheirReferences() {
    Procedure prior = new Procedure();
    prior.setId("old");
    prior.setSubject(new Reference("Patient/p1"));
    prior.setEncounter(new Reference("Encounter/long-ago"));
    RecordingSource source =
        new RecordingSource().add(record()).search("Procedure?patient=p1", prior);

    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ORDER, List.of(), "p1", null), KnownResources.none(), source);

    assertThat(data.resolve("Procedure/old")).isPresent();
    assertThat(source.calls).doesNotContain("Encounter/long-ago");
  }
}
