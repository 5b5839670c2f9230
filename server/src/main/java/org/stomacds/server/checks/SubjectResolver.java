package org.stomacds.server.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.casedata.References;

/**
 * Finds the subjects (44405 Procedures and Claims) a batch of writes may have changed findings of:
 * a subject written itself (or a former subject that still has open issues: no longer billing
 * 44405, or deleted), and the subjects of the patients, encounters and procedures the written
 * resources pointed at before and after the write.
 */
final class SubjectResolver {

  private final LocalFhirStore store;
  private final Subjects subjects;

  SubjectResolver(LocalFhirStore store, Subjects subjects) {
    this.store = store;
    this.subjects = subjects;
  }

  Set<String> subjectsOf(List<PendingEvaluations.Row> rows) {
    Set<String> found = new LinkedHashSet<>();
    Set<String> followed = new LinkedHashSet<>();
    for (PendingEvaluations.Row row : rows) {
      String trigger = row.triggerRef();
      String type = References.typePart(trigger);
      if (type.equals("Procedure") || type.equals("Claim")) {
        Optional<Resource> current = store.read(trigger);
        if (current.map(subjects::isSubject).orElse(false) || hasOpenIssues(trigger)) {
          found.add(trigger);
        }
      }
      followed.addAll(row.relatedRefs());
    }
    // A procedure something points at (a note's context.related, a sedation's partOf) leads on
    // to its patient and encounter: a claim billing it may be linked by patient and date alone.
    Deque<String> queue = new ArrayDeque<>(followed);
    Set<String> seen = new HashSet<>(followed);
    while (!queue.isEmpty()) {
      String ref = queue.poll();
      String id = References.idPart(ref);
      switch (References.typePart(ref)) {
        case "Patient" -> {
          addSubjects(
              found, store.search("Procedure?patient=" + id + "&code=" + subjects.codeSearch()));
          addSubjects(found, store.search("Claim?patient=" + id));
        }
        case "Encounter" -> {
          addSubjects(found, store.search("Procedure?encounter=" + id));
          addSubjects(found, store.search("Claim?encounter=" + id));
        }
        case "Procedure" ->
            store
                .read(ref)
                .ifPresent(
                    procedure -> {
                      if (subjects.isSubject(procedure)) {
                        found.add(ref);
                      }
                      for (String next : Triggers.relatedRefs(procedure)) {
                        if (seen.add(next)) {
                          queue.add(next);
                        }
                      }
                    });
        default -> {}
      }
    }
    return found;
  }

  private void addSubjects(Set<String> found, List<Resource> resources) {
    for (Resource resource : resources) {
      if (subjects.isSubject(resource)) {
        References.of(resource).ifPresent(found::add);
      }
    }
  }

  private boolean hasOpenIssues(String subjectRef) {
    for (Resource resource : store.search("DetectedIssue?implicated=" + subjectRef)) {
      if (resource instanceof DetectedIssue issue
          && DetectedIssues.isOurs(issue)
          && issue.getStatus() == DetectedIssue.DetectedIssueStatus.FINAL) {
        return true;
      }
    }
    return false;
  }
}
