package org.stomacds.engine.facts;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * Reads what the documentation of a procedure says, structured sources first, then the notes:
 *
 * <ol>
 *   <li>standard elements of the Procedure: {@code bodySite} (stricture location), {@code
 *       complication}/{@code complicationDetail} (complications), {@code reasonCode}/{@code
 *       reasonReference} (indication), {@code followUp} (post-procedure instructions), and a
 *       sedation or anesthesia Procedure that is {@code partOf} it (sedation type and, from its
 *       {@code performedPeriod}, sedation times);
 *   <li>the balloon as a Device of {@code focalDevice} or {@code usedReference} ({@link
 *       DeviceSource});
 *   <li>our extension {@code https://stomacds.org/fhir/StructureDefinition/documentation-element}
 *       on the Procedure: sub-extension {@code element} (a Coding of the documentation-element code
 *       system) and {@code value} (any value, read by {@link StructuredValues});
 *   <li>procedure templates: linked QuestionnaireResponses ({@link QuestionnaireSource});
 *   <li>linked Observations coded with our code system, LOINC, SNOMED CT, or a local code and text
 *       ({@link ObservationSource}, {@link DocumentationLabels});
 *   <li>the notes, read by the narrative reader: {@code Procedure.note}, then the documents and
 *       reports of the procedure ({@link NoteSources}: text, HTML, XHTML, RTF, report conclusions).
 * </ol>
 *
 * <p>A measured value is kept with where it was stated ({@link StatedValue}), so a rule can tell a
 * structured value from a note's; the single values of {@link Documentation} take the first read.
 */
final class DocumentationReader {

  private final ResourceIndex index;
  private final Narrative narrative;
  private final Set<String> moderateSedationCodes;
  private final Set<String> anesthesiaCodes;
  private final DeviceSource devices;
  private final ObservationSource observations;
  private final QuestionnaireSource questionnaires;
  private final NoteSources notes;
  private final Map<Procedure, Documentation> cache = new IdentityHashMap<>();

  DocumentationReader(
      ResourceIndex index,
      Narrative narrative,
      Set<String> moderateSedationCodes,
      Set<String> anesthesiaCodes) {
    this.index = index;
    this.narrative = narrative;
    this.moderateSedationCodes = moderateSedationCodes;
    this.anesthesiaCodes = anesthesiaCodes;
    this.devices = new DeviceSource(index);
    this.observations = new ObservationSource(index);
    this.questionnaires = new QuestionnaireSource(index);
    this.notes = new NoteSources(index, narrative);
  }

  Documentation of(Procedure procedure) {
    Documentation cached = cache.get(procedure);
    if (cached == null) {
      Documentation.Builder builder = new Documentation.Builder();
      read(procedure, builder, identitySet());
      cached = builder.build();
      cache.put(procedure, cached);
    }
    return cached;
  }

  /** The documentation of several procedures (separate sessions billed on one claim) together. */
  Documentation of(List<Procedure> procedures) {
    if (procedures.size() == 1) {
      return of(procedures.get(0));
    }
    Documentation.Builder builder = new Documentation.Builder();
    Set<Resource> seen = identitySet();
    for (Procedure procedure : procedures) {
      read(procedure, builder, seen);
    }
    return builder.build();
  }

  /** The documentation of notes linked to encounters only (a claim with no Procedure). */
  Documentation ofEncounters(List<String> encounters) {
    Documentation.Builder builder = new Documentation.Builder();
    notes.readEncounters(encounters, builder);
    return builder.build();
  }

  private void read(Procedure procedure, Documentation.Builder b, Set<Resource> seen) {
    ProcedureLinks links = new ProcedureLinks(procedure);
    String ref = links.ref;
    b.source(ref);
    standardElements(procedure, ref, b);
    devices.read(procedure, ref, b);
    for (int i = 0; i < procedure.getExtension().size(); i++) {
      Extension extension = procedure.getExtension().get(i);
      if (CodeSystems.DOCUMENTATION_EXTENSION.equals(extension.getUrl())) {
        extension(extension, ref, "Procedure.extension[" + i + "]", b);
      }
    }
    for (Procedure part : index.procedures) {
      if (part != procedure && namesAny(part.getPartOf(), ref)) {
        sedationProcedure(part, b);
      }
    }
    List<QuestionnaireResponse> responses = questionnaires.linked(links);
    List<DocumentReference> documents = notes.documents(procedure, links);
    List<DiagnosticReport> reports = notes.reports(procedure, links);
    Set<String> records = new LinkedHashSet<>();
    Set<String> results = new LinkedHashSet<>();
    responses.forEach(r -> addRef(records, r));
    documents.forEach(d -> addRef(records, d));
    for (DiagnosticReport report : reports) {
      addRef(records, report);
      for (Reference result : report.getResult()) {
        String key = ResourceIndex.key(result);
        if (key != null) {
          results.add(key);
        }
      }
    }
    for (QuestionnaireResponse response : responses) {
      if (seen.add(response)) {
        questionnaires.read(response, b);
      }
    }
    observations.read(links, records, results, b);
    for (int i = 0; i < procedure.getNote().size(); i++) {
      Annotation note = procedure.getNote().get(i);
      if (note.hasText()) {
        b.textRead();
        narrative.read(note.getText(), ref, "Procedure.note[" + i + "].text", b);
      }
    }
    for (DocumentReference document : documents) {
      if (seen.add(document)) {
        notes.readDocument(document, b);
      }
    }
    for (DiagnosticReport report : reports) {
      if (seen.add(report)) {
        notes.readReport(report, b);
      }
    }
  }

  private static void addRef(Set<String> refs, Resource resource) {
    String ref = ResourceIndex.ref(resource);
    if (ref != null) {
      refs.add(ref);
    }
  }

  private static Set<Resource> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private void standardElements(Procedure procedure, String ref, Documentation.Builder b) {
    for (int i = 0; i < procedure.getBodySite().size(); i++) {
      CodeableConcept site = procedure.getBodySite().get(i);
      if (!site.isEmpty()) {
        b.documented(
            DocumentationElement.STRICTURE_LOCATION,
            new Evidence(ref, "Procedure.bodySite[" + i + "]", FhirValues.words(site)));
      }
    }
    for (int i = 0; i < procedure.getComplication().size(); i++) {
      CodeableConcept complication = procedure.getComplication().get(i);
      if (!complication.isEmpty()) {
        b.documented(
            DocumentationElement.COMPLICATIONS,
            new Evidence(ref, "Procedure.complication[" + i + "]", FhirValues.words(complication)));
        b.complicationsOccurred();
      }
    }
    for (int i = 0; i < procedure.getComplicationDetail().size(); i++) {
      Reference detail = procedure.getComplicationDetail().get(i);
      Condition condition = index.resolve(detail, procedure, Condition.class);
      String words = condition == null ? FhirValues.words(detail) : words(condition.getCode());
      b.documented(
          DocumentationElement.COMPLICATIONS,
          new Evidence(ref, "Procedure.complicationDetail[" + i + "]", words));
      b.complicationsOccurred();
    }
    for (int i = 0; i < procedure.getReasonCode().size(); i++) {
      CodeableConcept reason = procedure.getReasonCode().get(i);
      if (!reason.isEmpty()) {
        b.documented(
            DocumentationElement.INDICATION,
            new Evidence(ref, "Procedure.reasonCode[" + i + "]", FhirValues.words(reason)));
      }
    }
    for (int i = 0; i < procedure.getReasonReference().size(); i++) {
      Reference reason = procedure.getReasonReference().get(i);
      Resource target = index.resolve(reason, procedure);
      String words =
          target instanceof Condition condition
              ? words(condition.getCode())
              : FhirValues.words(reason);
      if (target != null || reason.hasDisplay()) {
        b.documented(
            DocumentationElement.INDICATION,
            new Evidence(ref, "Procedure.reasonReference[" + i + "]", words));
      }
    }
    for (int i = 0; i < procedure.getFollowUp().size(); i++) {
      CodeableConcept followUp = procedure.getFollowUp().get(i);
      if (!followUp.isEmpty()) {
        b.documented(
            DocumentationElement.POST_PROCEDURE_INSTRUCTIONS,
            new Evidence(ref, "Procedure.followUp[" + i + "]", FhirValues.words(followUp)));
      }
    }
  }

  private void extension(Extension extension, String ref, String path, Documentation.Builder b) {
    DocumentationLabels.Match match = null;
    Type value = null;
    for (Extension part : extension.getExtension()) {
      if ("element".equals(part.getUrl()) && part.getValue() instanceof Coding coding) {
        match =
            CodeSystems.DOCUMENTATION_ELEMENT.equals(coding.getSystem())
                ? DocumentationLabels.ofCoding(coding)
                : null;
      } else if ("value".equals(part.getUrl())) {
        value = part.getValue();
      }
    }
    if (match == null) {
      return;
    }
    Evidence evidence = new Evidence(ref, path, FhirValues.words(value));
    StructuredValues.read(
        match,
        value == null ? List.of() : List.of(value),
        "",
        evidence,
        b,
        new StructuredValues.SedationClock());
  }

  /** A sedation or anesthesia Procedure that is part of the procedure. */
  private void sedationProcedure(Procedure part, Documentation.Builder b) {
    String code = FhirValues.procedureCode(part.getCode());
    if (code == null) {
      return;
    }
    boolean moderate = moderateSedationCodes.contains(code);
    boolean anesthesia = anesthesiaCodes.contains(code);
    if (!moderate && !anesthesia) {
      return;
    }
    String ref = ResourceIndex.ref(part);
    b.source(ref);
    b.documented(DocumentationElement.SEDATION_TYPE, new Evidence(ref, "Procedure.code", code));
    b.sedationKind(moderate ? SedationKind.MODERATE : SedationKind.MAC_OR_ANESTHESIA);
    if (part.hasPerformedPeriod()) {
      int minutes = FhirValues.minutes(part.getPerformedPeriod());
      if (minutes >= 0) {
        b.documented(
            DocumentationElement.SEDATION_TIMES,
            new Evidence(
                ref, "Procedure.performedPeriod", FhirValues.words(part.getPerformedPeriod())));
        if (moderate) {
          b.sedationMinutes(minutes);
        }
      }
    }
  }

  static boolean namesAny(List<Reference> references, String target) {
    if (target == null) {
      return false;
    }
    for (Reference reference : references) {
      if (target.equals(ResourceIndex.key(reference))) {
        return true;
      }
    }
    return false;
  }

  static boolean namesAny(List<Reference> references, List<String> targets) {
    for (String target : targets) {
      if (namesAny(references, target)) {
        return true;
      }
    }
    return false;
  }

  private static String words(CodeableConcept code) {
    return FhirValues.words(code);
  }
}
