package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The notes of a procedure, read by the narrative reader: the DocumentReferences and
 * DiagnosticReports of {@code Procedure.report}; the current DocumentReferences whose {@code
 * context.related} names the Procedure or whose {@code context.encounter} is its encounter; and the
 * DiagnosticReports of its encounter or of the order it carries out. A report's {@code conclusion}
 * and each {@code presentedForm} are notes; so is each content attachment of a document ({@link
 * AttachmentText}: plain text, HTML, XHTML and RTF, inline or by URL). A note none of whose
 * attachments can be read is an unreadable note.
 */
final class NoteSources {

  private final ResourceIndex index;
  private final Narrative narrative;
  private final AttachmentText attachments;

  NoteSources(ResourceIndex index, Narrative narrative) {
    this.index = index;
    this.narrative = narrative;
    this.attachments = new AttachmentText(index, narrative);
  }

  /** The documents of the procedure: its reports first, then those linked to it or its visit. */
  List<DocumentReference> documents(Procedure procedure, ProcedureLinks links) {
    List<DocumentReference> out = new ArrayList<>(1);
    for (Reference report : procedure.getReport()) {
      if (index.resolve(report, procedure) instanceof DocumentReference document) {
        addOnce(out, document);
      }
    }
    for (DocumentReference document : index.documentReferences) {
      if (current(document)
          && (links.named(document.getContext().getRelated())
              || links.sameEncounter(document.getContext().getEncounter()))) {
        addOnce(out, document);
      }
    }
    return out;
  }

  /** The reports of the procedure: named by it, of its encounter, or of its order. */
  List<DiagnosticReport> reports(Procedure procedure, ProcedureLinks links) {
    List<DiagnosticReport> out = new ArrayList<>(1);
    for (Reference report : procedure.getReport()) {
      if (index.resolve(report, procedure) instanceof DiagnosticReport found && current(found)) {
        addOnce(out, found);
      }
    }
    for (DiagnosticReport report : index.diagnosticReports) {
      if (current(report)
          && (links.sameEncounter(report.getEncounter())
              || DocumentationReader.namesAny(report.getBasedOn(), links.orders))) {
        addOnce(out, report);
      }
    }
    return out;
  }

  /** The current documents and reports of these encounters (a claim with no Procedure). */
  void readEncounters(List<String> encounters, Documentation.Builder b) {
    for (DocumentReference document : index.documentReferences) {
      if (current(document)
          && DocumentationReader.namesAny(document.getContext().getEncounter(), encounters)) {
        readDocument(document, b);
      }
    }
    for (DiagnosticReport report : index.diagnosticReports) {
      if (current(report)
          && DocumentationReader.namesAny(List.of(report.getEncounter()), encounters)) {
        readReport(report, b);
      }
    }
  }

  void readDocument(DocumentReference document, Documentation.Builder b) {
    String ref = ResourceIndex.ref(document);
    b.source(ref);
    boolean read = false;
    UnreadableNote unreadable = null;
    for (int i = 0; i < document.getContent().size(); i++) {
      Attachment attachment = document.getContent().get(i).getAttachment();
      String path = "DocumentReference.content[" + i + "].attachment";
      String text = attachments.text(attachment, document);
      if (text != null) {
        b.textRead();
        narrative.read(text, ref, path, b);
        read = true;
      } else if (unreadable == null) {
        unreadable = new UnreadableNote(ref, path, attachments.contentType(attachment, document));
      }
    }
    if (!read && unreadable != null) {
      b.unreadable(unreadable);
    }
  }

  void readReport(DiagnosticReport report, Documentation.Builder b) {
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
      String text = attachments.text(attachment, report);
      if (text != null) {
        b.textRead();
        narrative.read(text, ref, path, b);
        read = true;
      } else if (unreadable == null) {
        unreadable = new UnreadableNote(ref, path, attachments.contentType(attachment, report));
      }
    }
    if (!read && unreadable != null) {
      b.unreadable(unreadable);
    }
  }

  static boolean current(DocumentReference document) {
    return document.getStatus() != DocumentReferenceStatus.ENTEREDINERROR
        && document.getStatus() != DocumentReferenceStatus.SUPERSEDED;
  }

  static boolean current(DiagnosticReport report) {
    return report.getStatus() != DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
        && report.getStatus() != DiagnosticReport.DiagnosticReportStatus.CANCELLED;
  }

  private static <T extends Resource> void addOnce(List<T> list, T item) {
    for (T existing : list) {
      if (existing == item) {
        return;
      }
    }
    list.add(item);
  }
}
