package org.stomacds.engine.facts;

import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.narrative.DiscontinuedAt;
import org.stomacds.engine.narrative.ElementMention;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.narrative.NoteReading;

/** The narrative package's {@link NoteReader} as the facts use it. */
final class NoteReaderNarrative implements Narrative {

  private static final DocumentationElement[] ELEMENTS = DocumentationElement.values();

  private final NoteReader reader;

  NoteReaderNarrative(NoteReader reader) {
    this.reader = reader;
  }

  @Override
  public void read(String text, String resource, String expression, Documentation.Builder into) {
    NoteReading reading = reader.read(text);
    for (DocumentationElement element : ELEMENTS) {
      ElementMention mention = reading.mention(element).orElse(null);
      if (mention == null) {
        continue;
      }
      Evidence evidence = new Evidence(resource, expression, mention.evidence());
      if (mention.negated()) {
        into.mentionedOnly(element, evidence);
      } else {
        into.documented(element, evidence);
      }
    }
    reading.maxBalloonDiameterMm().ifPresent(into::balloonDiameterMm);
    reading.inflationCount().ifPresent(into::inflationCount);
    reading.inflationDurationSeconds().ifPresent(into::inflationDurationSeconds);
    reading.sedationIntraserviceMinutes().ifPresent(into::sedationMinutes);
    reading.preDilationLumenMm().ifPresent(into::preDilationLumenMm);
    reading.postDilationLumenMm().ifPresent(into::postDilationLumenMm);
    reading
        .sedationType()
        .ifPresent(
            type ->
                into.sedationKind(
                    switch (type) {
                      case MODERATE -> SedationKind.MODERATE;
                      case MAC_OR_ANESTHESIA -> SedationKind.MAC_OR_ANESTHESIA;
                      case NONE -> SedationKind.NONE;
                    }));
    reading
        .extent()
        .ifPresent(
            extent ->
                into.extent(
                    switch (extent) {
                      case COMPLETE -> ExamExtent.COMPLETE;
                      case INCOMPLETE -> ExamExtent.INCOMPLETE;
                    }));
    reading.incompleteReason().ifPresent(into::incompleteReason);
    reading
        .discontinuedAt()
        .ifPresent(
            at ->
                into.discontinuation(
                    at == DiscontinuedAt.BEFORE_ANESTHESIA
                        ? Discontinuation.BEFORE_ANESTHESIA
                        : Discontinuation.AFTER_ANESTHESIA_OR_INSERTION));
    if (reading.complicationsOccurred()) {
      into.complicationsOccurred();
    }
    into.distinctStrictures(reading.distinctStrictureCount());
    if (reading.fluoroscopyUsed()) {
      into.fluoroscopyUsed();
    }
  }

  @Override
  public String htmlToText(String html) {
    return NoteReader.htmlToText(html);
  }
}
