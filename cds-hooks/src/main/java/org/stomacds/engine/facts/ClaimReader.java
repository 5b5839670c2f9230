package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a Claim into {@link ClaimFacts}: its diagnoses and lines, date of service, coverage, ABN
 * and authorization, the Procedures it bills with their documentation, the setting, the global
 * periods it falls in, the patient and the problem list. Made per extraction.
 */
final class ClaimReader {

  private final ResourceIndex index;
  private final String subjectCode;
  private final DocumentationReader documentation;
  private final SettingReader settings;
  private final CaseCoverages coverages;
  private final AdministrativeReader administrative;
  private final ProcedureReader procedures;
  private final PriorProcedureReader priors;
  private final ClaimLineReader lines;

  ClaimReader(
      ResourceIndex index,
      String subjectCode,
      DocumentationReader documentation,
      SettingReader settings,
      CaseCoverages coverages,
      AdministrativeReader administrative,
      ProcedureReader procedures,
      PriorProcedureReader priors,
      ClaimLineReader lines) {
    this.index = index;
    this.subjectCode = subjectCode;
    this.documentation = documentation;
    this.settings = settings;
    this.coverages = coverages;
    this.administrative = administrative;
    this.procedures = procedures;
    this.priors = priors;
    this.lines = lines;
  }

  /**
   * @param linked the Procedures of the subject code the claim bills ({@link ClaimProcedureLinks})
   */
  ClaimFacts read(Claim claim, List<Procedure> linked) {
    String ref = ResourceIndex.ref(claim);
    String patient = ResourceIndex.key(claim.getPatient());
    List<Diagnosis> diagnoses = diagnoses(claim, ref);
    LocalDate claimDate = FhirValues.day(claim.getBillablePeriod().getStartElement());
    if (claimDate == null) {
      claimDate = FhirValues.day(claim.getCreatedElement());
    }
    List<ClaimLine> claimLines = new ArrayList<>(claim.getItem().size());
    LocalDate dateOfService = null;
    for (int i = 0; i < claim.getItem().size(); i++) {
      ClaimLine line = lines.read(claim, i, diagnoses, claimDate);
      claimLines.add(line);
      if (dateOfService == null && subjectCode.equals(line.code())) {
        dateOfService = line.date();
      }
    }
    for (int i = 0; dateOfService == null && i < claimLines.size(); i++) {
      dateOfService = claimLines.get(i).date();
    }

    Claim.InsuranceComponent insurance = focalInsurance(claim);
    CoverageFacts coverage = null;
    if (insurance != null) {
      Coverage found = index.resolve(insurance.getCoverage(), claim, Coverage.class);
      if (found != null) {
        coverage = coverages.of(found);
      }
    }
    if (coverage == null) {
      coverage = coverages.ofPatient(patient);
    }

    List<ProcedureFacts> billed = new ArrayList<>(linked.size());
    for (Procedure procedure : linked) {
      billed.add(procedures.of(procedure));
    }
    Documentation docs = documentation(claim, linked);
    SettingFacts setting = setting(claim, billed);
    return new ClaimFacts(
        ref,
        claimType(claim),
        claimLines,
        diagnoses,
        coverage,
        administrative.abn(claim, patient),
        administrative.authorization(claim, insurance, patient),
        billed,
        docs,
        setting,
        priors.covering(dateOfService, patient),
        dateOfService,
        patient(claim.getPatient(), claim),
        ProblemListReader.of(index.conditions, patient));
  }

  private List<Diagnosis> diagnoses(Claim claim, String ref) {
    List<Diagnosis> diagnoses = new ArrayList<>(claim.getDiagnosis().size());
    for (int j = 0; j < claim.getDiagnosis().size(); j++) {
      Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(j);
      int sequence = diagnosis.getSequence();
      if (diagnosis.hasDiagnosisCodeableConcept()) {
        DiagnosisCodes.read(
            diagnosis.getDiagnosisCodeableConcept(),
            ref,
            "Claim.diagnosis[" + j + "].diagnosisCodeableConcept",
            sequence,
            diagnoses);
      } else if (diagnosis.hasDiagnosisReference()) {
        Condition condition =
            index.resolve(diagnosis.getDiagnosisReference(), claim, Condition.class);
        if (condition != null) {
          DiagnosisCodes.read(
              condition.getCode(),
              ResourceIndex.ref(condition),
              "Condition.code",
              sequence,
              diagnoses);
        }
      }
    }
    return diagnoses;
  }

  /**
   * The linked Procedures' notes; else those of Procedures the lines bill; else the encounters'.
   */
  private Documentation documentation(Claim claim, List<Procedure> linked) {
    if (!linked.isEmpty()) {
      return documentation.of(linked);
    }
    List<Procedure> billed = PatientProcedures.billedBy(index, claim);
    return billed.isEmpty()
        ? documentation.ofEncounters(ClaimProcedureLinks.lineEncounters(claim))
        : documentation.of(billed);
  }

  /** The first known setting of: the billed Procedures, the lines' encounters, the facility. */
  private SettingFacts setting(Claim claim, List<ProcedureFacts> billed) {
    SettingFacts setting = SettingFacts.UNKNOWN;
    for (ProcedureFacts procedure : billed) {
      if (procedure.setting().setting() != Setting.UNKNOWN) {
        setting = procedure.setting();
        break;
      }
    }
    if (setting.setting() == Setting.UNKNOWN) {
      for (String encounterRef : ClaimProcedureLinks.lineEncounters(claim)) {
        Encounter encounter = index.resolve(new Reference(encounterRef), claim, Encounter.class);
        setting = settings.ofEncounter(encounter);
        if (setting.setting() != Setting.UNKNOWN) {
          break;
        }
      }
    }
    if (setting.setting() == Setting.UNKNOWN && claim.hasFacility()) {
      setting = settings.ofLocation(index.resolve(claim.getFacility(), claim, Location.class));
    }
    return setting;
  }

  private static Claim.InsuranceComponent focalInsurance(Claim claim) {
    Claim.InsuranceComponent first = null;
    for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
      if (insurance.getFocal()) {
        return insurance;
      }
      if (first == null || insurance.getSequence() < first.getSequence()) {
        first = insurance;
      }
    }
    return first;
  }

  private static ClaimType claimType(Claim claim) {
    for (Coding coding : claim.getType().getCoding()) {
      if (CodeSystems.CLAIM_TYPE.equals(coding.getSystem()) || !coding.hasSystem()) {
        if ("professional".equals(coding.getCode())) {
          return ClaimType.PROFESSIONAL;
        }
        if ("institutional".equals(coding.getCode())) {
          return ClaimType.INSTITUTIONAL;
        }
      }
    }
    for (Claim.ItemComponent item : claim.getItem()) {
      if (item.hasRevenue()) {
        return ClaimType.INSTITUTIONAL;
      }
    }
    return ClaimType.OTHER;
  }

  private PatientFacts patient(Reference reference, Resource from) {
    Patient patient = index.resolve(reference, from, Patient.class);
    if (patient == null) {
      return new PatientFacts(ResourceIndex.key(reference), null);
    }
    return new PatientFacts(
        ResourceIndex.ref(patient),
        FhirValues.day(patient.getBirthDateElement()),
        PatientProcedures.history(index, ResourceIndex.ref(patient)));
  }
}
