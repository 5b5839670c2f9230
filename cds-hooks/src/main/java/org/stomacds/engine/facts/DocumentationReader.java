package org.stomacds.engine.facts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * Reads what the documentation of a procedure says, from four places, in this order:
 *
 * <ol>
 *   <li>standard elements of the Procedure: {@code bodySite} (stricture location), {@code
 *       complication}/{@code complicationDetail} (complications), {@code focalDevice} (a balloon
 *       Device with a size: balloon diameter), {@code reasonCode}/{@code reasonReference}
 *       (indication), {@code followUp} (post-procedure instructions), and a sedation or anesthesia
 *       Procedure that is {@code partOf} it (sedation type and, from its {@code performedPeriod},
 *       sedation times);
 *   <li>our extension {@code https://stomacds.org/fhir/StructureDefinition/documentation-element}
 *       on the Procedure: sub-extension {@code element} (a Coding of the documentation-element code
 *       system) and {@code value} (any value: a Quantity in mm for sizes, s or min for times, an
 *       integer for counts, a Period for sedation times, a boolean, a code or text);
 *   <li>Observations coded with the documentation-element code system, linked to the Procedure by
 *       {@code partOf} or {@code focus}, or sharing its encounter; a value documents the element, a
 *       {@code dataAbsentReason} documents nothing;
 *   <li>the notes, read by the narrative reader: {@code Procedure.note}, the DocumentReferences and
 *       DiagnosticReports of {@code Procedure.report}, and the current DocumentReferences whose
 *       {@code context.related} names the Procedure or whose {@code context.encounter} names its
 *       encounter. Attachments in {@code text/plain} or {@code text/html}, inline ({@code data}) or
 *       in a Binary of the request; anything else (PDF, images, a URL outside the request) is an
 *       unreadable note.
 * </ol>
 */
final class DocumentationReader {

  private final ResourceIndex index;
  private final Narrative narrative;
  private final Set<String> moderateSedationCodes;
  private final Set<String> anesthesiaCodes;
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
  }

  Documentation of(Procedure procedure) {
    Documentation cached = cache.get(procedure);
    if (cached == null) {
      Documentation.Builder builder = new Documentation.Builder();
      read(procedure, builder);
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
    for (Procedure procedure : procedures) {
      read(procedure, builder);
    }
    return builder.build();
  }

  /** The documentation of notes linked to encounters only (a claim with no Procedure). */
  Documentation ofEncounters(List<String> encounters) {
    Documentation.Builder builder = new Documentation.Builder();
    List<DocumentReference> seen = new ArrayList<>(1);
    for (DocumentReference document : index.documentReferences) {
      if (current(document) && namesAny(document.getContext().getEncounter(), encounters)) {
        readDocument(document, builder, seen);
      }
    }
    return builder.build();
  }

  private void read(Procedure procedure, Documentation.Builder b) {
    String ref = ResourceIndex.ref(procedure);
    b.source(ref);
    standardElements(procedure, ref, b);
    for (int i = 0; i < procedure.getExtension().size(); i++) {
      Extension extension = procedure.getExtension().get(i);
      if (CodeSystems.DOCUMENTATION_EXTENSION.equals(extension.getUrl())) {
        extension(extension, ref, "Procedure.extension[" + i + "]", b);
      }
    }
    String encounter = ResourceIndex.key(procedure.getEncounter());
    for (Observation observation : index.observations) {
      if (linked(observation, ref, encounter)) {
        observation(observation, b);
      }
    }
    for (Procedure part : index.procedures) {
      if (part != procedure && namesAny(part.getPartOf(), ref)) {
        sedationProcedure(part, b);
      }
    }
    for (int i = 0; i < procedure.getNote().size(); i++) {
      Annotation note = procedure.getNote().get(i);
      if (note.hasText()) {
        b.textRead();
        narrative.read(note.getText(), ref, "Procedure.note[" + i + "].text", b);
      }
    }
    List<DocumentReference> seen = new ArrayList<>(1);
    for (Reference report : procedure.getReport()) {
      Resource target = index.resolve(report, procedure);
      if (target instanceof DocumentReference document) {
        readDocument(document, b, seen);
      } else if (target instanceof DiagnosticReport diagnosticReport) {
        readDiagnosticReport(diagnosticReport, b);
      }
    }
    for (DocumentReference document : index.documentReferences) {
      if (!current(document)) {
        continue;
      }
      boolean related = namesAny(document.getContext().getRelated(), ref);
      boolean sameEncounter =
          encounter != null && namesAny(document.getContext().getEncounter(), encounter);
      if (related || sameEncounter) {
        readDocument(document, b, seen);
      }
    }
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
    for (int i = 0; i < procedure.getFocalDevice().size(); i++) {
      Device device =
          index.resolve(
              procedure.getFocalDevice().get(i).getManipulated(), procedure, Device.class);
      if (device != null) {
        balloonDevice(device, ref, "Procedure.focalDevice[" + i + "].manipulated", b);
      }
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

  /** A balloon Device documents the diameter when it carries a size (a property in mm or cm). */
  private void balloonDevice(Device device, String ref, String path, Documentation.Builder b) {
    for (Device.DevicePropertyComponent property : device.getProperty()) {
      for (Quantity quantity : property.getValueQuantity()) {
        int mm = FhirValues.millimetres(quantity);
        if (mm > 0) {
          b.documented(
              DocumentationElement.BALLOON_DIAMETER,
              new Evidence(ref, path, FhirValues.words(quantity)));
          b.balloonDiameterMm(mm);
          return;
        }
      }
    }
    // A device name such as "CRE balloon 18-19-20 mm" is read like a line of a note.
    for (Device.DeviceDeviceNameComponent name : device.getDeviceName()) {
      if (name.hasName()) {
        narrative.read("Dilated with a " + name.getName() + " balloon.", ref, path, b);
      }
    }
  }

  private void extension(Extension extension, String ref, String path, Documentation.Builder b) {
    DocumentationElement element = null;
    Type value = null;
    for (Extension part : extension.getExtension()) {
      if ("element".equals(part.getUrl()) && part.getValue() instanceof Coding coding) {
        element = element(coding);
      } else if ("value".equals(part.getUrl())) {
        value = part.getValue();
      }
    }
    if (element == null) {
      return;
    }
    Evidence evidence = new Evidence(ref, path, FhirValues.words(value));
    if (value == null || value.isEmpty()) {
      b.mentionedOnly(element, evidence);
    } else {
      structuredValue(element, value, evidence, b);
    }
  }

  private void observation(Observation observation, Documentation.Builder b) {
    DocumentationElement element = null;
    for (Coding coding : observation.getCode().getCoding()) {
      element = element(coding);
      if (element != null) {
        break;
      }
    }
    if (element == null) {
      return;
    }
    String ref = ResourceIndex.ref(observation);
    b.source(ref);
    if (observation.hasValue()) {
      structuredValue(
          element,
          observation.getValue(),
          new Evidence(ref, "Observation.value", FhirValues.words(observation.getValue())),
          b);
    } else {
      b.mentionedOnly(
          element,
          new Evidence(
              ref,
              "Observation.dataAbsentReason",
              "not documented: " + FhirValues.words(observation.getDataAbsentReason())));
    }
  }

  private void structuredValue(
      DocumentationElement element, Type value, Evidence evidence, Documentation.Builder b) {
    b.documented(element, evidence);
    String text = FhirValues.words(value).toLowerCase(Locale.ROOT);
    Boolean bool = FhirValues.bool(value);
    switch (element) {
      case BALLOON_DIAMETER -> {
        int mm = FhirValues.millimetres(value);
        if (mm > 0) {
          b.balloonDiameterMm(mm);
        }
      }
      case INFLATION_COUNT -> {
        int count = FhirValues.count(value);
        if (count > 0) {
          b.inflationCount(count);
        }
      }
      case INFLATION_DURATION -> {
        int seconds = FhirValues.seconds(value);
        if (seconds > 0) {
          b.inflationDurationSeconds(seconds);
        }
      }
      case PRE_DILATION_LUMEN -> {
        int mm = FhirValues.millimetres(value);
        if (mm > 0) {
          b.preDilationLumenMm(mm);
        }
      }
      case POST_DILATION_LUMEN -> {
        int mm = FhirValues.millimetres(value);
        if (mm > 0) {
          b.postDilationLumenMm(mm);
        }
      }
      case SEDATION_TIMES -> {
        if (value instanceof Period period) {
          int minutes = FhirValues.minutes(period);
          if (minutes >= 0) {
            b.sedationMinutes(minutes);
          }
        } else {
          int seconds = FhirValues.seconds(value);
          if (seconds > 0) {
            b.sedationMinutes(seconds / 60);
          }
        }
      }
      case SEDATION_TYPE -> {
        SedationKind kind = sedationKind(text);
        if (kind != null) {
          b.sedationKind(kind);
        }
      }
      case EXTENT_OF_EXAM -> {
        boolean incomplete =
            Boolean.FALSE.equals(bool)
                || text.contains("incomplete")
                || text.contains("not reached")
                || text.contains("discontinued");
        b.extent(incomplete ? ExamExtent.INCOMPLETE : ExamExtent.COMPLETE);
      }
      case COMPLICATIONS -> {
        boolean none =
            Boolean.FALSE.equals(bool)
                || text.equals("none")
                || text.startsWith("no ")
                || text.equals("no");
        if (!none) {
          b.complicationsOccurred();
        }
      }
      case FLUOROSCOPY -> {
        if (!Boolean.FALSE.equals(bool)) {
          b.fluoroscopyUsed();
        }
      }
      case DISTINCT_STRICTURE -> {
        int count = FhirValues.count(value);
        b.distinctStrictures(count > 0 ? count : (Boolean.FALSE.equals(bool) ? 1 : 2));
      }
      default -> {}
    }
  }

  private static SedationKind sedationKind(String text) {
    if (text.contains("moderate") || text.contains("conscious")) {
      return SedationKind.MODERATE;
    }
    if (text.contains("mac")
        || text.contains("monitored")
        || text.contains("general")
        || text.contains("anesthe")
        || text.contains("deep")) {
      return SedationKind.MAC_OR_ANESTHESIA;
    }
    if (text.equals("none") || text.startsWith("no ")) {
      return SedationKind.NONE;
    }
    return null;
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

  private void readDocument(
      DocumentReference document, Documentation.Builder b, List<DocumentReference> seen) {
    for (DocumentReference done : seen) {
      if (done == document) {
        return;
      }
    }
    seen.add(document);
    String ref = ResourceIndex.ref(document);
    b.source(ref);
    boolean read = false;
    UnreadableNote unreadable = null;
    for (int i = 0; i < document.getContent().size(); i++) {
      Attachment attachment = document.getContent().get(i).getAttachment();
      String path = "DocumentReference.content[" + i + "].attachment";
      String text = text(attachment, document);
      if (text != null) {
        b.textRead();
        narrative.read(text, ref, path, b);
        read = true;
      } else if (unreadable == null) {
        unreadable = new UnreadableNote(ref, path, contentType(attachment, document));
      }
    }
    if (!read && unreadable != null) {
      b.unreadable(unreadable);
    }
  }

  private void readDiagnosticReport(DiagnosticReport report, Documentation.Builder b) {
    String ref = ResourceIndex.ref(report);
    b.source(ref);
    boolean read = false;
    if (report.hasConclusion()) {
      b.textRead();
      narrative.read(report.getConclusion(), ref, "DiagnosticReport.conclusion", b);
      read = true;
    }
    UnreadableNote unreadable = null;
    for (int i = 0; i < report.getPresentedForm().size(); i++) {
      Attachment attachment = report.getPresentedForm().get(i);
      String path = "DiagnosticReport.presentedForm[" + i + "]";
      String text = text(attachment, report);
      if (text != null) {
        b.textRead();
        narrative.read(text, ref, path, b);
        read = true;
      } else if (unreadable == null) {
        unreadable = new UnreadableNote(ref, path, contentType(attachment, report));
      }
    }
    if (!read && unreadable != null) {
      b.unreadable(unreadable);
    }
  }

  /** The text of an attachment, or null when it is not machine-readable or not in the request. */
  private String text(Attachment attachment, Resource from) {
    byte[] data = attachment.hasData() ? attachment.getData() : null;
    String contentType = attachment.getContentType();
    if (data == null && attachment.hasUrl()) {
      Binary binary = index.binary(attachment.getUrl(), from);
      if (binary != null && binary.hasData()) {
        data = binary.getData();
        if (contentType == null) {
          contentType = binary.getContentType();
        }
      }
    }
    if (data == null || data.length == 0) {
      return null;
    }
    String mediaType = mediaType(contentType);
    Charset charset = charset(contentType);
    if (mediaType == null) {
      // No content type: read it as text unless it is plainly a PDF or binary data.
      if (looksBinary(data)) {
        return null;
      }
      return new String(data, charset);
    }
    return switch (mediaType) {
      case "text/plain", "text/markdown" -> new String(data, charset);
      case "text/html", "application/xhtml+xml" -> narrative.htmlToText(new String(data, charset));
      default -> null;
    };
  }

  private String contentType(Attachment attachment, Resource from) {
    if (attachment.hasContentType()) {
      return attachment.getContentType();
    }
    Binary binary = index.binary(attachment.getUrl(), from);
    return binary == null ? null : binary.getContentType();
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        String name = contentType.substring(at + 8).strip();
        int end = name.indexOf(';');
        if (end >= 0) {
          name = name.substring(0, end);
        }
        name = name.replace("\"", "").strip();
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static boolean looksBinary(byte[] data) {
    if (data.length >= 4 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F') {
      return true;
    }
    int limit = Math.min(data.length, 512);
    for (int i = 0; i < limit; i++) {
      if (data[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static DocumentationElement element(Coding coding) {
    if (!CodeSystems.DOCUMENTATION_ELEMENT.equals(coding.getSystem()) || !coding.hasCode()) {
      return null;
    }
    return DocumentationElement.fromId(coding.getCode()).orElse(null);
  }

  private static boolean linked(Observation observation, String procedureRef, String encounter) {
    Observation.ObservationStatus status = observation.getStatus();
    if (status == Observation.ObservationStatus.ENTEREDINERROR
        || status == Observation.ObservationStatus.CANCELLED) {
      return false;
    }
    if (namesAny(observation.getPartOf(), procedureRef)
        || namesAny(observation.getFocus(), procedureRef)) {
      return true;
    }
    return encounter != null && encounter.equals(ResourceIndex.key(observation.getEncounter()));
  }

  static boolean current(DocumentReference document) {
    return document.getStatus() != DocumentReferenceStatus.ENTEREDINERROR
        && document.getStatus() != DocumentReferenceStatus.SUPERSEDED;
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
