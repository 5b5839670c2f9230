package org.stomacds.server.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.CaseData;
import org.stomacds.casedata.CaseQueries;
import org.stomacds.casedata.CaseRequest;
import org.stomacds.casedata.CaseScope;
import org.stomacds.casedata.KnownResources;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.casedata.MissingData;
import org.stomacds.casedata.References;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.Stage;

/**
 * Evaluates Procedures and Claims the way the encounter-discharge CDS service does (same stages,
 * same case assembler, same engine), reading what the case needs from our own store: the one path
 * behind DetectedIssues on write, {@code Prefer: return=OperationOutcome} and {@code $check}.
 */
final class CaseChecks {

  /** The stages of the encounter-discharge service: the note and the claim. */
  static final Set<Stage> STAGES = EnumSet.of(Stage.DOCUMENTATION, Stage.CLAIM);

  private final CaseAssembler assembler;
  private final LocalFhirStore store;
  private final RuleEngine engine;
  private final Subjects subjects;

  CaseChecks(CaseAssembler assembler, LocalFhirStore store, RuleEngine engine, Subjects subjects) {
    this.assembler = assembler;
    this.store = store;
    this.engine = engine;
    this.subjects = subjects;
  }

  /**
   * Evaluates the focus.
   *
   * @param given the resources given (the stored subject, or a {@code $check} body's resources);
   *     they win over stored resources of the same {@code Type/id}, and the rest of the case is
   *     read from the store
   * @param focus the relative references of the resources asked about
   * @throws CaseUnavailableException when the store could not answer a lookup (the case would be
   *     evaluated half-read, and a note that was not read would be reported missing)
   */
  Evaluation evaluate(List<Resource> given, Set<String> focus) {
    CaseData data =
        assembler.assemble(
            new CaseRequest(CaseScope.ENCOUNTER, given, null, null), KnownResources.none(), store);
    // A Claim linked to its Procedure by patient and date alone (no encounter on its lines, no
    // procedure reference) finds the Procedure through a patient search, which the assembler does
    // not follow; the notes of that Procedure's encounter are then unread. Gather again with those
    // Procedures in the focus, answering what is already known from the first pass.
    List<Resource> unfollowed = unfollowedSubjectProcedures(data);
    if (!unfollowed.isEmpty() && data.complete()) {
      List<Resource> widened = new ArrayList<>(given);
      widened.addAll(unfollowed);
      data =
          assembler.assemble(
              new CaseRequest(CaseScope.ENCOUNTER, widened, null, null), known(data), store);
    }
    if (!data.complete()) {
      throw new CaseUnavailableException(data.missing());
    }
    return engine.evaluate(new EvaluationRequest(data.resources(), STAGES, focus));
  }

  private List<Resource> unfollowedSubjectProcedures(CaseData data) {
    List<Resource> procedures = new ArrayList<>();
    for (Resource resource : data.resources()) {
      if (resource instanceof Procedure procedure && subjects.isSubject(procedure)) {
        String encounter = References.relative(procedure.getEncounter()).orElse(null);
        boolean followed =
            encounter == null
                || !encounter.startsWith("Encounter/")
                || data.lookups()
                    .containsKey(
                        CaseQueries.normalize(
                            CaseQueries.documentsOfEncounter(References.idPart(encounter))));
        if (!followed) {
          procedures.add(procedure);
        }
      }
    }
    return procedures;
  }

  private static KnownResources known(CaseData data) {
    KnownResources.Builder known = KnownResources.builder();
    for (Map.Entry<String, List<Resource>> answer : data.lookups().entrySet()) {
      known.answer(answer.getKey(), answer.getValue(), List.of());
    }
    data.resources().forEach(known::resource);
    return known.build();
  }

  /** The references of the subjects among these resources, in order. */
  Set<String> subjectRefs(List<? extends Resource> resources) {
    Set<String> refs = new LinkedHashSet<>();
    for (Resource resource : resources) {
      if (subjects.isSubject(resource)) {
        References.of(resource).ifPresent(refs::add);
      }
    }
    return refs;
  }

  /** The store could not give everything the case needs. */
  static final class CaseUnavailableException extends RuntimeException {
    CaseUnavailableException(List<MissingData> missing) {
      super(
          "the store could not answer: "
              + String.join(", ", missing.stream().map(MissingData::lookup).toList()));
    }
  }
}
