package org.stomacds.cds.card;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.stomacds.casedata.References;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * A Task asking the author of a procedure note to document what it lacks: status requested, intent
 * order, focus the Procedure, for the patient, owner the performer, requester the user who saw the
 * card, one input per missing element.
 */
public final class DocumentationTasks {

  public static final String TASK_CODE_SYSTEM = "https://stomacds.org/fhir/CodeSystem/task-code";
  public static final String TASK_INPUT_SYSTEM = "https://stomacds.org/fhir/CodeSystem/task-input";

  private DocumentationTasks() {}

  /**
   * @param userId the hook's {@code context.userId} ({@code Practitioner/123}), or null
   */
  public static Task ask(Procedure procedure, List<String> elementIds, String userId, Date now) {
    Task task = new Task();
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(
        new CodeableConcept()
            .addCoding(
                new org.hl7.fhir.r4.model.Coding(
                    TASK_CODE_SYSTEM,
                    "complete-documentation",
                    "Complete the procedure documentation")));
    task.setDescription("Add to the procedure note: " + labels(elementIds));
    References.of(procedure).ifPresent(ref -> task.setFocus(new Reference(ref)));
    if (procedure.hasSubject()) {
      task.setFor(new Reference(procedure.getSubject().getReference()));
    }
    if (procedure.hasEncounter()) {
      task.setEncounter(new Reference(procedure.getEncounter().getReference()));
    }
    author(procedure).ifPresent(task::setOwner);
    References.relative(userId)
        .filter(r -> r.startsWith("Practitioner/") || r.startsWith("PractitionerRole/"))
        .ifPresent(r -> task.setRequester(new Reference(r)));
    task.setAuthoredOn(now);
    for (String id : elementIds) {
      String display =
          DocumentationElement.fromId(id).map(DocumentationElement::label).orElse(null);
      task.addInput()
          .setType(
              new CodeableConcept()
                  .addCoding(
                      new org.hl7.fhir.r4.model.Coding(
                          TASK_INPUT_SYSTEM, "documentation-element", "Documentation element")))
          .setValue(
              new CodeableConcept()
                  .addCoding(
                      new org.hl7.fhir.r4.model.Coding(
                          DocumentationRequirements.ELEMENT_SYSTEM, id, display)));
    }
    return task;
  }

  /** The procedure's author: its first performer, else its recorder. */
  static java.util.Optional<Reference> author(Procedure procedure) {
    for (Procedure.ProcedurePerformerComponent p : procedure.getPerformer()) {
      if (p.hasActor() && p.getActor().hasReference()) {
        Reference r = new Reference(p.getActor().getReference());
        if (p.getActor().hasDisplay()) {
          r.setDisplay(p.getActor().getDisplay());
        }
        return java.util.Optional.of(r);
      }
    }
    if (procedure.hasRecorder() && procedure.getRecorder().hasReference()) {
      return java.util.Optional.of(new Reference(procedure.getRecorder().getReference()));
    }
    return java.util.Optional.empty();
  }

  static String labels(List<String> elementIds) {
    return String.join(
        ", ",
        elementIds.stream()
            .map(id -> DocumentationElement.fromId(id).map(DocumentationElement::label).orElse(id))
            .toList());
  }
}
