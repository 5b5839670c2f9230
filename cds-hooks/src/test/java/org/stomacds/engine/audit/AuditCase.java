package org.stomacds.engine.audit;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.engine.CaseBuilder;

/**
 * An audit scenario as the FHIR resources an EHR and a billing system would hold: the patient, the
 * payer and coverage, the setting, the procedure with the operative note, earlier procedures, an
 * ABN when one is on file, the problem list, and the claim exactly as billed.
 */
final class AuditCase {

  private static final Set<String> ANESTHESIA = Set.of("00811", "00812", "00813", "00731", "00732");

  private AuditCase() {}

  static List<Resource> resources(AuditClaim a) {
    CaseBuilder c = CaseBuilder.newCase().on(a.dateOfService());
    c.patientBorn(a.dateOfService().minusYears(a.age()).minusDays(40));
    payer(c, a.payer());
    setting(c, a.setting());
    c.note(a.note());
    String first = a.lines().isEmpty() ? "44405" : a.lines().get(0).code();
    c.procedure().setCode(CaseBuilder.concept(CaseBuilder.CPT, procedureCode(a, first)));
    if (a.record().abnOnFile()) {
      c.abnOnFile();
    }
    int n = 0;
    for (AuditClaim.Prior prior : a.record().priorProcedures()) {
      Procedure earlier = new Procedure();
      earlier.setId("Procedure/prior" + (++n));
      earlier.setStatus(Procedure.ProcedureStatus.COMPLETED);
      earlier.setCode(CaseBuilder.concept(CaseBuilder.CPT, prior.code()));
      earlier.setSubject(new Reference("Patient/pat1"));
      earlier.setPerformed(new DateTimeType(prior.date().toString()));
      earlier
          .addPerformer()
          .setActor(
              new Reference(prior.sameSurgeon() ? "Practitioner/dr1" : "Practitioner/other1"));
      c.add(earlier);
    }
    for (AuditClaim.Problem problem : a.record().problemList()) {
      Condition condition = new Condition();
      condition.setId("Condition/problem" + (++n));
      condition.setSubject(new Reference("Patient/pat1"));
      condition.setCode(CaseBuilder.concept(CaseBuilder.ICD10, problem.code()));
      condition.setClinicalStatus(
          CaseBuilder.concept(
              "http://terminology.hl7.org/CodeSystem/condition-clinical", problem.status()));
      if (problem.abated() != null) {
        condition.setAbatement(new DateTimeType(problem.abated().toString()));
      }
      c.add(condition);
    }
    if (a.record().priorProcedures().stream().anyMatch(p -> !p.sameSurgeon())) {
      c.add(practitioner("Practitioner/other1", "1952847361"));
    }
    for (String dx : a.diagnoses()) {
      c.diagnosis(dx);
    }
    for (AuditClaim.Line line : a.lines()) {
      c.line(line.code(), line.units(), line.modifiers().toArray(String[]::new));
      Claim.ItemComponent item = c.lastLine();
      item.getDiagnosisSequence().clear();
      line.pointers().forEach(item::addDiagnosisSequence);
      if (a.placeOfService() == null) {
        item.setLocation(null);
      } else {
        item.setLocation(CaseBuilder.concept(CaseBuilder.POS, a.placeOfService()));
      }
      if (line.revenue() != null) {
        item.setRevenue(
            CaseBuilder.concept("https://www.nubc.org/CodeSystem/RevenueCodes", line.revenue()));
      }
    }
    if ("institutional".equals(a.kind())) {
      c.institutional();
      if (a.typeOfBill() != null) {
        c.claim()
            .addSupportingInfo()
            .setSequence(1)
            .setCategory(
                CaseBuilder.concept(
                    "http://terminology.hl7.org/CodeSystem/claiminformationcategory", "info"))
            .setCode(
                CaseBuilder.concept("https://www.nubc.org/CodeSystem/TypeOfBill", a.typeOfBill()));
      }
    }
    String billedBy = a.billedBy().toLowerCase(java.util.Locale.ROOT);
    if (billedBy.contains("crna") || billedBy.contains("assist")) {
      String id = billedBy.contains("crna") ? "Practitioner/crna1" : "Practitioner/asst1";
      c.add(practitioner(id, billedBy.contains("crna") ? "1487263950" : "1396847520"));
      c.claim().setProvider(new Reference(id));
    }
    return c.resources();
  }

  /**
   * What the EHR's Procedure says was done: the procedure billed, or 44405 for an anesthesia claim.
   */
  private static String procedureCode(AuditClaim a, String first) {
    return ANESTHESIA.contains(first) ? "44405" : first;
  }

  private static Practitioner practitioner(String id, String npi) {
    Practitioner p = new Practitioner();
    p.setId(id);
    p.addIdentifier(new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue(npi));
    return p;
  }

  private static void payer(CaseBuilder c, String payer) {
    switch (payer) {
      case "Medicare" -> c.originalMedicare();
      case "Medicare Advantage" -> c.payer("Humana Gold Plus HMO (Medicare Advantage)", "111");
      case "Aetna" -> c.aetna();
      case "BCBS" -> c.payer("Blue Cross Blue Shield", "6");
      case "Cigna" -> c.cigna();
      case "UnitedHealthcare" -> c.unitedHealthcareCommercial();
      case "Medicaid" -> c.payer("Ohio Department of Medicaid", "2");
      default -> throw new IllegalArgumentException("payer " + payer);
    }
  }

  private static void setting(CaseBuilder c, String setting) {
    switch (setting) {
      case "hospital outpatient" -> c.locationPlaceOfService("22");
      case "ASC" -> c.locationPlaceOfService("24");
      case "office" -> c.locationPlaceOfService("11");
      case "inpatient" -> c.inpatient().locationPlaceOfService("21");
      default -> throw new IllegalArgumentException("setting " + setting);
    }
  }
}
