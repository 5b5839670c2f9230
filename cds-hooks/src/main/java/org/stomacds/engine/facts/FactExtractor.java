package org.stomacds.engine.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.PayerMapping;

/**
 * The one place that turns FHIR R4 resources into the facts the rules read. Thread-safe: all
 * per-request state lives in a {@link Extraction} made for each call.
 *
 * <p>Subjects are the resources that bill, document or order the subject code (44405): Claims with
 * a line for it, Procedures coded with it, ServiceRequests for it. With a focus, only the subjects
 * named by it (or belonging to a focused Encounter) are kept.
 */
public final class FactExtractor {

  /**
   * The knowledge the facts need from the terminology.
   *
   * @param subjectCode the CPT code the rule pack is about
   * @param moderateSedationCodes codes of moderate sedation (a sedation Procedure part of the
   *     subject documents the sedation type and times)
   * @param anesthesiaCodes codes of anesthesia care for the subject
   * @param globalDays the global surgical period of a code, in days; -1 when none or unknown
   */
  public record Options(
      String subjectCode,
      Set<String> moderateSedationCodes,
      Set<String> anesthesiaCodes,
      GlobalDays globalDays) {
    public Options {
      moderateSedationCodes = Set.copyOf(moderateSedationCodes);
      anesthesiaCodes = Set.copyOf(anesthesiaCodes);
    }
  }

  /** The global surgical period of a procedure code. */
  @FunctionalInterface
  public interface GlobalDays {
    /** Days after the procedure its global period covers (10, 90); 0 or -1 when none. */
    int of(String code);
  }

  private final PayerMapping payers;
  private final Narrative narrative;
  private final Options options;
  private final PackSubjects subjects;

  /**
   * @param payers how the payer and line of business are told
   * @param notes the narrative reader for procedure notes
   * @param options what the facts need from the terminology
   */
  public FactExtractor(PayerMapping payers, NoteReader notes, Options options) {
    this(payers, new NoteReaderNarrative(notes), options);
  }

  FactExtractor(PayerMapping payers, Narrative narrative, Options options) {
    this.payers = payers;
    this.narrative = narrative;
    this.options = options;
    this.subjects = new PackSubjects(Set.of(options.subjectCode()), options.anesthesiaCodes());
  }

  /**
   * Reads the facts of a request.
   *
   * @param resources every resource of the case
   * @param focus relative references of the resources asked about; empty for every subject
   * @param today the date an order with no planned date is taken to be for
   */
  public CaseFacts extract(List<Resource> resources, Set<String> focus, LocalDate today) {
    return new Extraction(new ResourceIndex(resources), focus, today).run();
  }

  /** The state of one extraction. */
  private final class Extraction {
    private final ResourceIndex index;
    private final Set<String> focus;
    private final LocalDate today;
    private final DocumentationReader documentation;
    private final SettingReader settings;
    private final CoverageReader coverages;
    private final AdministrativeReader administrative;
    private final List<Procedure> subjectProcedures = new ArrayList<>(1);
    private final Map<Procedure, ProcedureFacts> procedureFacts = new IdentityHashMap<>();
    private final Map<Coverage, CoverageFacts> coverageFacts = new IdentityHashMap<>();

    Extraction(ResourceIndex index, Set<String> focus, LocalDate today) {
      this.index = index;
      this.focus = focus;
      this.today = today;
      this.documentation =
          new DocumentationReader(
              index, narrative, options.moderateSedationCodes(), options.anesthesiaCodes());
      this.settings = new SettingReader(index);
      this.coverages = new CoverageReader(index, payers);
      this.administrative = new AdministrativeReader(index, options.subjectCode());
    }

    CaseFacts run() {
      for (Procedure procedure : index.procedures) {
        if (isSubject(procedure)) {
          subjectProcedures.add(procedure);
        }
      }
      List<OrderFacts> orders = new ArrayList<>(1);
      for (ServiceRequest request : index.serviceRequests) {
        if (isSubject(request) && inFocus(request)) {
          orders.add(order(request));
        }
      }
      List<ProcedureFacts> procedures = new ArrayList<>(1);
      for (Procedure procedure : subjectProcedures) {
        if (inFocus(procedure)) {
          procedures.add(procedure(procedure));
        }
      }
      List<ClaimFacts> claims = new ArrayList<>(1);
      for (Claim claim : index.claims) {
        if (!isSubject(claim)) {
          continue;
        }
        boolean bills = subjects.bills(claim);
        List<Procedure> linked = linkedProcedures(claim);
        // An anesthesia claim belongs to the case only through a procedure of the subject code.
        if ((bills || !linked.isEmpty()) && inFocus(claim, linked)) {
          claims.add(claim(claim, linked));
        }
      }
      return new CaseFacts(orders, procedures, claims);
    }

    // ---- subjects and focus ----------------------------------------------------------------

    private boolean isSubject(Resource resource) {
      return subjects.isLiveSubject(resource);
    }

    private boolean inFocus(ServiceRequest request) {
      return focus.isEmpty()
          || focus.contains(ResourceIndex.ref(request))
          || focused(request.getEncounter());
    }

    private boolean inFocus(Procedure procedure) {
      return focus.isEmpty()
          || focus.contains(ResourceIndex.ref(procedure))
          || focused(procedure.getEncounter());
    }

    private boolean inFocus(Claim claim, List<Procedure> linked) {
      if (focus.isEmpty() || focus.contains(ResourceIndex.ref(claim))) {
        return true;
      }
      for (Claim.ItemComponent item : claim.getItem()) {
        for (Reference encounter : item.getEncounter()) {
          if (focused(encounter)) {
            return true;
          }
        }
      }
      for (Procedure procedure : linked) {
        if (focused(procedure.getEncounter())) {
          return true;
        }
      }
      return false;
    }

    private boolean focused(Reference reference) {
      String key = ResourceIndex.key(reference);
      return key != null && focus.contains(key);
    }

    // ---- orders ----------------------------------------------------------------------------

    private OrderFacts order(ServiceRequest request) {
      String ref = ResourceIndex.ref(request);
      String patient = ResourceIndex.key(request.getSubject());
      List<Diagnosis> reasons = new ArrayList<>(2);
      for (int i = 0; i < request.getReasonCode().size(); i++) {
        codes(
            request.getReasonCode().get(i),
            ref,
            "ServiceRequest.reasonCode[" + i + "]",
            0,
            reasons);
      }
      for (Reference reason : request.getReasonReference()) {
        Condition condition = index.resolve(reason, request, Condition.class);
        if (condition != null) {
          codes(condition.getCode(), ResourceIndex.ref(condition), "Condition.code", 0, reasons);
        }
      }
      boolean stated = request.hasReasonCode() || request.hasReasonReference();
      LocalDate date = FhirValues.day(request.getOccurrence());
      if (date == null) {
        date = FhirValues.day(request.getAuthoredOnElement());
      }
      if (date == null) {
        date = today;
      }
      CoverageFacts coverage = null;
      for (Reference insurance : request.getInsurance()) {
        Coverage found = index.resolve(insurance, request, Coverage.class);
        if (found != null) {
          coverage = coverage(found);
          break;
        }
      }
      if (coverage == null) {
        coverage = patientCoverage(patient);
      }
      SettingFacts setting =
          settings.ofOrderLocation(
              request.getLocationCode(), request.getLocationReference(), request);
      return new OrderFacts(
          ref,
          date,
          reasons,
          stated,
          coverage,
          administrative.abnForOrder(patient),
          administrative.authorizationForOrder(patient),
          setting);
    }

    // ---- procedures ------------------------------------------------------------------------

    /** A procedure is read once per request, whether asked about directly or through a claim. */
    private ProcedureFacts procedure(Procedure procedure) {
      ProcedureFacts facts = procedureFacts.get(procedure);
      if (facts == null) {
        facts = readProcedure(procedure);
        procedureFacts.put(procedure, facts);
      }
      return facts;
    }

    private CoverageFacts coverage(Coverage coverage) {
      CoverageFacts facts = coverageFacts.get(coverage);
      if (facts == null) {
        facts = coverages.read(coverage);
        coverageFacts.put(coverage, facts);
      }
      return facts;
    }

    private ProcedureFacts readProcedure(Procedure procedure) {
      String patient = ResourceIndex.key(procedure.getSubject());
      LocalDate date = FhirValues.day(procedure.getPerformed());
      Instant start = null;
      Instant end = null;
      if (procedure.hasPerformedPeriod()) {
        Period period = procedure.getPerformedPeriod();
        start = FhirValues.instant(period.getStartElement());
        end = FhirValues.instant(period.getEndElement());
      } else if (procedure.hasPerformedDateTimeType()) {
        start = FhirValues.instant(procedure.getPerformedDateTimeType());
      }
      Encounter encounter = index.resolve(procedure.getEncounter(), procedure, Encounter.class);
      Set<String> performers = new LinkedHashSet<>(2);
      for (Procedure.ProcedurePerformerComponent performer : procedure.getPerformer()) {
        String key = providerKey(performer.getActor(), procedure);
        if (key != null) {
          performers.add(key);
        }
      }
      return new ProcedureFacts(
          ResourceIndex.ref(procedure),
          procedure.getStatus() == null ? null : procedure.getStatus().toCode(),
          date,
          start,
          end,
          ResourceIndex.key(procedure.getEncounter()),
          performers,
          documentation.of(procedure),
          settings.ofEncounter(encounter),
          patientCoverage(patient),
          priorProcedures(date, patient, performers));
    }

    // ---- claims ----------------------------------------------------------------------------

    private ClaimFacts claim(Claim claim, List<Procedure> linked) {
      String ref = ResourceIndex.ref(claim);
      String patient = ResourceIndex.key(claim.getPatient());
      List<Diagnosis> diagnoses = new ArrayList<>(claim.getDiagnosis().size());
      for (int j = 0; j < claim.getDiagnosis().size(); j++) {
        Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(j);
        int sequence = diagnosis.getSequence();
        if (diagnosis.hasDiagnosisCodeableConcept()) {
          codes(
              diagnosis.getDiagnosisCodeableConcept(),
              ref,
              "Claim.diagnosis[" + j + "].diagnosisCodeableConcept",
              sequence,
              diagnoses);
        } else if (diagnosis.hasDiagnosisReference()) {
          Condition condition =
              index.resolve(diagnosis.getDiagnosisReference(), claim, Condition.class);
          if (condition != null) {
            codes(
                condition.getCode(),
                ResourceIndex.ref(condition),
                "Condition.code",
                sequence,
                diagnoses);
          }
        }
      }
      LocalDate claimDate = FhirValues.day(claim.getBillablePeriod().getStartElement());
      if (claimDate == null) {
        claimDate = FhirValues.day(claim.getCreatedElement());
      }
      List<ClaimLine> lines = new ArrayList<>(claim.getItem().size());
      LocalDate dateOfService = null;
      for (int i = 0; i < claim.getItem().size(); i++) {
        ClaimLine line = line(claim, i, diagnoses, claimDate);
        lines.add(line);
        if (dateOfService == null && options.subjectCode().equals(line.code())) {
          dateOfService = line.date();
        }
      }
      for (int i = 0; dateOfService == null && i < lines.size(); i++) {
        dateOfService = lines.get(i).date();
      }

      Claim.InsuranceComponent insurance = focalInsurance(claim);
      CoverageFacts coverage = null;
      if (insurance != null) {
        Coverage found = index.resolve(insurance.getCoverage(), claim, Coverage.class);
        if (found != null) {
          coverage = coverage(found);
        }
      }
      if (coverage == null) {
        coverage = patientCoverage(patient);
      }

      List<ProcedureFacts> procedures = new ArrayList<>(linked.size());
      for (Procedure procedure : linked) {
        procedures.add(procedure(procedure));
      }
      Documentation docs;
      if (!linked.isEmpty()) {
        docs = documentation.of(linked);
      } else {
        List<Procedure> billed = PatientProcedures.billedBy(index, claim);
        docs =
            billed.isEmpty()
                ? documentation.ofEncounters(lineEncounters(claim))
                : documentation.of(billed);
      }
      SettingFacts setting = SettingFacts.UNKNOWN;
      for (ProcedureFacts procedure : procedures) {
        if (procedure.setting().setting() != Setting.UNKNOWN) {
          setting = procedure.setting();
          break;
        }
      }
      if (setting.setting() == Setting.UNKNOWN) {
        for (String encounterRef : lineEncounters(claim)) {
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
      Set<String> providers = new LinkedHashSet<>(2);
      for (ClaimLine line : lines) {
        if (options.subjectCode().equals(line.code()) && line.provider() != null) {
          providers.add(line.provider());
        }
      }
      return new ClaimFacts(
          ref,
          claimType(claim),
          lines,
          diagnoses,
          coverage,
          administrative.abn(claim, patient),
          administrative.authorization(claim, insurance, patient),
          procedures,
          docs,
          setting,
          priorProcedures(dateOfService, patient, providers),
          dateOfService,
          patient(claim.getPatient(), claim),
          ProblemListReader.of(index.conditions, patient));
    }

    private ClaimLine line(
        Claim claim, int position, List<Diagnosis> diagnoses, LocalDate claimDate) {
      Claim.ItemComponent item = claim.getItem().get(position);
      String code = FhirValues.procedureCode(item.getProductOrService());
      List<String> modifiers = new ArrayList<>(item.getModifier().size());
      for (CodeableConcept modifier : item.getModifier()) {
        String value = modifierCode(modifier);
        if (value != null) {
          modifiers.add(value);
        }
      }
      int quantity = 1;
      if (item.hasQuantity() && item.getQuantity().getValue() != null) {
        quantity = item.getQuantity().getValue().setScale(0, java.math.RoundingMode.UP).intValue();
      }
      LocalDate date = FhirValues.day(item.getServiced());
      if (date == null) {
        date = claimDate;
      }
      String placeOfService = null;
      if (item.hasLocationCodeableConcept()) {
        for (Coding coding : item.getLocationCodeableConcept().getCoding()) {
          if (coding.hasCode()
              && (!coding.hasSystem()
                  || CodeSystems.PLACE_OF_SERVICE.equals(
                      CodeSystems.canonical(coding.getSystem())))) {
            placeOfService = coding.getCode().strip();
            break;
          }
        }
      }
      List<Diagnosis> pointed = new ArrayList<>(2);
      for (PositiveIntType pointer : item.getDiagnosisSequence()) {
        for (Diagnosis diagnosis : diagnoses) {
          if (pointer.getValue() != null && diagnosis.sequence() == pointer.getValue()) {
            pointed.add(diagnosis);
          }
        }
      }
      String provider = null;
      for (PositiveIntType sequence : item.getCareTeamSequence()) {
        for (Claim.CareTeamComponent member : claim.getCareTeam()) {
          if (sequence.getValue() != null && member.getSequence() == sequence.getValue()) {
            provider = providerKey(member.getProvider(), claim);
            break;
          }
        }
        if (provider != null) {
          break;
        }
      }
      if (provider == null) {
        provider = providerKey(claim.getProvider(), claim);
      }
      List<String> encounters = new ArrayList<>(1);
      for (Reference encounter : item.getEncounter()) {
        String key = ResourceIndex.key(encounter);
        if (key != null) {
          encounters.add(key);
        }
      }
      return new ClaimLine(
          item.getSequence(),
          position,
          code,
          modifiers,
          quantity,
          date,
          placeOfService,
          pointed,
          item.hasDiagnosisSequence(),
          provider,
          encounters);
    }

    /** Procedures of the subject code the claim bills: named, same encounter, else same day. */
    private List<Procedure> linkedProcedures(Claim claim) {
      List<Procedure> linked = new ArrayList<>(1);
      for (Claim.ProcedureComponent component : claim.getProcedure()) {
        if (component.hasProcedureReference()) {
          Procedure procedure =
              index.resolve(component.getProcedureReference(), claim, Procedure.class);
          if (procedure != null && subjectProcedures.contains(procedure)) {
            addOnce(linked, procedure);
          }
        }
      }
      List<String> encounters = lineEncounters(claim);
      for (Procedure procedure : subjectProcedures) {
        String encounter = ResourceIndex.key(procedure.getEncounter());
        if (encounter != null && encounters.contains(encounter)) {
          addOnce(linked, procedure);
        }
      }
      if (!linked.isEmpty()) {
        return linked;
      }
      String patient = ResourceIndex.key(claim.getPatient());
      Set<LocalDate> dates = new HashSet<>(2);
      boolean bills = subjects.bills(claim);
      for (Claim.ItemComponent item : claim.getItem()) {
        String code = FhirValues.procedureCode(item.getProductOrService());
        if (!bills || options.subjectCode().equals(code)) {
          LocalDate date = FhirValues.day(item.getServiced());
          if (date == null) {
            date = FhirValues.day(claim.getBillablePeriod().getStartElement());
          }
          if (date != null) {
            dates.add(date);
          }
        }
      }
      for (Procedure procedure : subjectProcedures) {
        String subject = ResourceIndex.key(procedure.getSubject());
        boolean samePatient = patient == null || subject == null || patient.equals(subject);
        LocalDate date = FhirValues.day(procedure.getPerformed());
        if (samePatient && (dates.isEmpty() || (date != null && dates.contains(date)))) {
          addOnce(linked, procedure);
        }
      }
      return linked;
    }

    private List<String> lineEncounters(Claim claim) {
      List<String> encounters = new ArrayList<>(1);
      for (Claim.ItemComponent item : claim.getItem()) {
        for (Reference encounter : item.getEncounter()) {
          String key = ResourceIndex.key(encounter);
          if (key != null && !encounters.contains(key)) {
            encounters.add(key);
          }
        }
      }
      return encounters;
    }

    private Claim.InsuranceComponent focalInsurance(Claim claim) {
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

    private ClaimType claimType(Claim claim) {
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

    // ---- shared ----------------------------------------------------------------------------

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

    /** The patient's coverage in the case: active, lowest {@code order} first. */
    private CoverageFacts patientCoverage(String patient) {
      Coverage best = null;
      for (Coverage coverage : index.coverages) {
        if (coverage.getStatus() == Coverage.CoverageStatus.CANCELLED
            || coverage.getStatus() == Coverage.CoverageStatus.ENTEREDINERROR) {
          continue;
        }
        String beneficiary = ResourceIndex.key(coverage.getBeneficiary());
        if (patient != null && beneficiary != null && !patient.equals(beneficiary)) {
          continue;
        }
        if (best == null || order(coverage) < order(best)) {
          best = coverage;
        }
      }
      return best == null ? coverages.none() : coverage(best);
    }

    private int order(Coverage coverage) {
      return coverage.hasOrder() ? coverage.getOrder() : Integer.MAX_VALUE;
    }

    /** Earlier procedures of the patient whose global period covers {@code date}. */
    private List<PriorProcedure> priorProcedures(
        LocalDate date, String patient, Set<String> providers) {
      if (date == null) {
        return List.of();
      }
      List<PriorProcedure> prior = new ArrayList<>(0);
      for (Procedure procedure : index.procedures) {
        if (procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
          continue;
        }
        String code = FhirValues.procedureCode(procedure.getCode());
        LocalDate performed = FhirValues.day(procedure.getPerformed());
        if (code == null || performed == null || !performed.isBefore(date)) {
          continue;
        }
        String subject = ResourceIndex.key(procedure.getSubject());
        if (patient != null && subject != null && !patient.equals(subject)) {
          continue;
        }
        int days = options.globalDays().of(code);
        if (days <= 0 || date.isAfter(performed.plusDays(days))) {
          continue;
        }
        Set<String> performers = new LinkedHashSet<>(1);
        for (Procedure.ProcedurePerformerComponent performer : procedure.getPerformer()) {
          String key = providerKey(performer.getActor(), procedure);
          if (key != null) {
            performers.add(key);
          }
        }
        prior.add(
            new PriorProcedure(ResourceIndex.ref(procedure), code, performed, days, performers));
      }
      return prior;
    }

    /**
     * A provider as comparable text: its NPI when the reference or the resource carries one ({@code
     * npi:1234567893}), else the reference.
     */
    private String providerKey(Reference reference, Resource from) {
      if (reference == null || reference.isEmpty()) {
        return null;
      }
      if (reference.hasIdentifier()
          && CodeSystems.NPI.equals(reference.getIdentifier().getSystem())) {
        return "npi:" + reference.getIdentifier().getValue();
      }
      Resource target = index.resolve(reference, from);
      if (target instanceof PractitionerRole role && role.hasPractitioner()) {
        Resource practitioner = index.resolve(role.getPractitioner(), role);
        if (practitioner != null) {
          target = practitioner;
        } else {
          return ResourceIndex.key(role.getPractitioner());
        }
      }
      List<Identifier> identifiers = List.of();
      if (target instanceof Practitioner practitioner) {
        identifiers = practitioner.getIdentifier();
      } else if (target instanceof org.hl7.fhir.r4.model.Organization organization) {
        identifiers = organization.getIdentifier();
      }
      for (Identifier identifier : identifiers) {
        if (CodeSystems.NPI.equals(identifier.getSystem()) && identifier.hasValue()) {
          return "npi:" + identifier.getValue();
        }
      }
      return target != null ? ResourceIndex.ref(target) : ResourceIndex.key(reference);
    }

    private void codes(
        CodeableConcept concept,
        String resource,
        String expression,
        int sequence,
        List<Diagnosis> into) {
      for (Coding coding : concept.getCoding()) {
        if (!coding.hasCode()) {
          continue;
        }
        String system = CodeSystems.canonical(coding.getSystem());
        String code =
            CodeSystems.ICD10CM.equals(system)
                ? CodeSystems.normalizeIcd10(coding.getCode())
                : coding.getCode().strip();
        into.add(new Diagnosis(system, code, resource, expression, sequence));
      }
    }
  }

  /** A modifier code, whichever of the CPT and HCPCS systems (or none) carries it. */
  static String modifierCode(CodeableConcept modifier) {
    for (Coding coding : modifier.getCoding()) {
      if (coding.hasCode()
          && (!coding.hasSystem() || CodeSystems.isProcedureCodeSystem(coding.getSystem()))) {
        return coding.getCode().strip().toUpperCase(Locale.ROOT);
      }
    }
    if (modifier.getCoding().isEmpty() && modifier.hasText()) {
      String text = modifier.getText().strip();
      if (text.length() == 2) {
        return text.toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static void addOnce(List<Procedure> list, Procedure procedure) {
    for (Procedure existing : list) {
      if (existing == procedure) {
        return;
      }
    }
    list.add(procedure);
  }
}
