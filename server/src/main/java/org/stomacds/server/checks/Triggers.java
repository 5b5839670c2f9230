package org.stomacds.server.checks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.stomacds.casedata.References;

/**
 * Which writes may change findings, and what each written resource points at (its patient, its
 * encounters, the procedures it is about): the starting points for finding the 44405 Procedures and
 * Claims to evaluate again. Read at write time from the old and the new content, so a note moved to
 * another encounter, or a deleted resource, still leads to the right subjects.
 */
final class Triggers {

  /**
   * The resource types whose writes are recorded: the subjects themselves and what the case
   * assembler gathers around them that belongs to one patient (the Patient too: the rules read the
   * age). Organization, Location and Practitioner changes are not followed: they are shared by many
   * cases, and the next write of a case picks them up. Structured documentation is followed too: a
   * template answer (QuestionnaireResponse) by its patient, encounter and procedure, an Observation
   * only by the Procedure it names ({@code partOf}, {@code focus}): an encounter's vital signs are
   * many writes that document nothing.
   */
  static final Set<String> TYPES =
      Set.of(
          "Patient",
          "Procedure",
          "Claim",
          "DocumentReference",
          "DiagnosticReport",
          "QuestionnaireResponse",
          "Observation",
          "Condition",
          "Coverage",
          "Encounter");

  private Triggers() {}

  static boolean isTrigger(IBaseResource resource) {
    return resource != null && TYPES.contains(resource.fhirType());
  }

  /** Whether the resource leads to subjects only through what it names (an Observation). */
  static boolean followedOnlyByLinks(IBaseResource resource) {
    return resource != null && "Observation".equals(resource.fhirType());
  }

  /** The relative references ({@code Type/id}) the resource points at that lead to subjects. */
  static Set<String> relatedRefs(IBaseResource resource) {
    Set<String> refs = new LinkedHashSet<>();
    if (resource instanceof Procedure procedure) {
      add(refs, procedure.getSubject());
      add(refs, procedure.getEncounter());
      add(refs, procedure.getPartOf());
    } else if (resource instanceof Claim claim) {
      // Only its encounters: another claim reads this one only when they share an encounter, and
      // the findings of a procedure never depend on a claim. Not every claim of the patient.
      claim.getItem().forEach(item -> add(refs, item.getEncounter()));
    } else if (resource instanceof DocumentReference document) {
      add(refs, document.getSubject());
      add(refs, document.getContext().getEncounter());
      add(refs, document.getContext().getRelated());
    } else if (resource instanceof DiagnosticReport report) {
      add(refs, report.getSubject());
      add(refs, report.getEncounter());
    } else if (resource instanceof QuestionnaireResponse response) {
      add(refs, response.getSubject());
      add(refs, response.getEncounter());
      add(refs, response.getPartOf());
    } else if (resource instanceof Observation observation) {
      for (Reference reference : observation.getPartOf()) {
        addProcedure(refs, reference);
      }
      for (Reference reference : observation.getFocus()) {
        addProcedure(refs, reference);
      }
    } else if (resource instanceof Condition condition) {
      add(refs, condition.getSubject());
      add(refs, condition.getEncounter());
    } else if (resource instanceof Coverage coverage) {
      add(refs, coverage.getBeneficiary());
    } else if (resource instanceof Patient patient) {
      References.of(patient).ifPresent(refs::add);
    } else if (resource instanceof Encounter encounter) {
      References.of(encounter).ifPresent(refs::add);
      add(refs, encounter.getSubject());
    }
    return refs;
  }

  private static void add(Set<String> refs, Reference reference) {
    References.relative(reference)
        .filter(
            ref ->
                ref.startsWith("Patient/")
                    || ref.startsWith("Encounter/")
                    || ref.startsWith("Procedure/"))
        .ifPresent(refs::add);
  }

  private static void addProcedure(Set<String> refs, Reference reference) {
    References.relative(reference).filter(ref -> ref.startsWith("Procedure/")).ifPresent(refs::add);
  }

  private static void add(Set<String> refs, List<Reference> references) {
    references.forEach(reference -> add(refs, reference));
  }
}
