package org.stomacds.server.checks;

import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stomacds.engine.facts.PackSubjects;

/**
 * The resources the write checks evaluate ("subjects"): those the engine's {@link PackSubjects}
 * says are about a loaded pack's code (a Procedure coded with it, a Claim with a line for it or for
 * anesthesia of it), the one definition the hooks and the facts use too. Status is not looked at: a
 * subject marked entered-in-error is still evaluated, so its open issues get cancelled.
 */
final class Subjects {

  private final PackSubjects packs;

  Subjects(PackSubjects packs) {
    this.packs = packs;
  }

  /** The packs' codes, for a search ({@code code=44405,44381,45386}). */
  String codeSearch() {
    return String.join(",", packs.codes().stream().sorted().toList());
  }

  boolean isSubject(Resource resource) {
    return !(resource instanceof ServiceRequest) && packs.isAbout(resource);
  }
}
