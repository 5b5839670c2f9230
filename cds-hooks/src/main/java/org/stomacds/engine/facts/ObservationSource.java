package org.stomacds.engine.facts;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.findings.Evidence;

/**
 * Documentation recorded as Observations (flowsheet rows, procedure-documentation panels):
 *
 * <ul>
 *   <li>linked to the Procedure by {@code partOf} or {@code focus}; by {@code derivedFrom} naming
 *       it or a template answer, note or report already linked to it; as a {@code result} of a
 *       linked DiagnosticReport; or by the same encounter, with an effective time inside the
 *       procedure's performed period when both times are known;
 *   <li>coded with our documentation-element code system, a LOINC or SNOMED CT code of the label
 *       table, or only a local code whose text or display names the element ({@link
 *       DocumentationLabels}); components are read the same way;
 *   <li>a value documents the element ({@link StructuredValues}); a {@code dataAbsentReason}
 *       documents nothing; entered-in-error and cancelled Observations are not read.
 * </ul>
 */
final class ObservationSource {

  private final ResourceIndex index;

  ObservationSource(ResourceIndex index) {
    this.index = index;
  }

  /**
   * Reads the Observations of a procedure.
   *
   * @param linkedRecords references of the template answers, notes and reports linked to it
   * @param results the Observations its linked reports list as results
   */
  void read(
      ProcedureLinks links,
      Set<String> linkedRecords,
      Set<String> results,
      Documentation.Builder b) {
    StructuredValues.SedationClock clock = new StructuredValues.SedationClock();
    for (Observation observation : index.observations) {
      if (linked(observation, links, linkedRecords, results)) {
        observation(observation, b, clock);
      }
    }
    clock.close(b);
  }

  static boolean linked(
      Observation observation,
      ProcedureLinks links,
      Set<String> linkedRecords,
      Set<String> results) {
    Observation.ObservationStatus status = observation.getStatus();
    if (status == Observation.ObservationStatus.ENTEREDINERROR
        || status == Observation.ObservationStatus.CANCELLED) {
      return false;
    }
    if (links.named(observation.getPartOf())
        || links.named(observation.getFocus())
        || links.named(observation.getDerivedFrom())
        || results.contains(ResourceIndex.ref(observation))) {
      return true;
    }
    for (String record : linkedRecords) {
      if (DocumentationReader.namesAny(observation.getDerivedFrom(), record)) {
        return true;
      }
    }
    return links.sameEncounter(observation.getEncounter())
        && links.within(observation.getEffective()) != ProcedureLinks.Within.OUTSIDE;
  }

  private void observation(
      Observation observation, Documentation.Builder b, StructuredValues.SedationClock clock) {
    String ref = ResourceIndex.ref(observation);
    // A panel (no value of its own, components with theirs) is read through its components.
    boolean panel =
        !observation.hasValue() && !observation.hasDataAbsentReason() && observation.hasComponent();
    boolean read =
        !panel
            && entry(
                observation.getCode(),
                observation.getValue(),
                observation.getDataAbsentReason(),
                ref,
                "Observation",
                b,
                clock);
    for (int i = 0; i < observation.getComponent().size(); i++) {
      Observation.ObservationComponentComponent component = observation.getComponent().get(i);
      read |=
          entry(
              component.getCode(),
              component.getValue(),
              component.getDataAbsentReason(),
              ref,
              "Observation.component[" + i + "]",
              b,
              clock);
    }
    if (read) {
      b.source(ref);
    }
  }

  /** One coded entry (the Observation or a component); true when it names an element. */
  private static boolean entry(
      CodeableConcept code,
      Type value,
      CodeableConcept absent,
      String ref,
      String path,
      Documentation.Builder b,
      StructuredValues.SedationClock clock) {
    DocumentationLabels.Match match = DocumentationLabels.of(code);
    if (match == null) {
      return false;
    }
    String label = FhirValues.words(code);
    if (value != null && !value.isEmpty()) {
      StructuredValues.read(
          match,
          List.of(value),
          Amounts.unitOfLabel(label),
          new Evidence(ref, path + ".value", label + ": " + FhirValues.words(value)),
          b,
          clock);
    } else {
      String why = absent == null || absent.isEmpty() ? "no value" : FhirValues.words(absent);
      b.mentionedOnly(
          match.element(),
          new Evidence(
              ref,
              path + (absent == null || absent.isEmpty() ? ".value" : ".dataAbsentReason"),
              label + ": not documented (" + why + ")"));
    }
    return true;
  }
}
