package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * Which Procedures of the subject code a Claim bills: those it names in {@code Claim.procedure},
 * else those of an encounter its lines name, else those of the same patient on a day its lines
 * bill. An anesthesia claim reaches the case only through such a link.
 */
final class ClaimProcedureLinks {

  private final ResourceIndex index;
  private final PackSubjects subjects;
  private final String subjectCode;
  private final List<Procedure> subjectProcedures;

  /**
   * @param subjectProcedures the live Procedures of the subject code in the case
   */
  ClaimProcedureLinks(
      ResourceIndex index,
      PackSubjects subjects,
      String subjectCode,
      List<Procedure> subjectProcedures) {
    this.index = index;
    this.subjects = subjects;
    this.subjectCode = subjectCode;
    this.subjectProcedures = subjectProcedures;
  }

  /** Procedures of the subject code the claim bills: named, same encounter, else same day. */
  List<Procedure> of(Claim claim) {
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
      if (!bills || subjectCode.equals(code)) {
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

  /** The encounters the claim's lines name, in order, once each. */
  static List<String> lineEncounters(Claim claim) {
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

  private static void addOnce(List<Procedure> list, Procedure procedure) {
    for (Procedure existing : list) {
      if (existing == procedure) {
        return;
      }
    }
    list.add(procedure);
  }
}
