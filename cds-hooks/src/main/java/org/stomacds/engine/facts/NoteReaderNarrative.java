package org.stomacds.engine.facts;

import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.narrative.DiscontinuedAt;
import org.stomacds.engine.narrative.ElementMention;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.narrative.NoteReading;
import org.stomacds.engine.narrative.ServiceReading;

/** The narrative package's {@link NoteReader} as the facts use it. */
final class NoteReaderNarrative implements Narrative {

  private static final DocumentationElement[] ELEMENTS = DocumentationElement.values();

  private final NoteReader reader;

  NoteReaderNarrative(NoteReader reader) {
    this.reader = reader;
  }

  @Override
  public void read(String text, String resource, String expression, Documentation.Builder into) {
    NoteReader.Readings both = reader.readWithService(text);
    NoteReading reading = both.note();
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
    stated(reading, resource, expression, into);
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
    ServiceReading service = both.service();
    into.service(ServiceFacts.of(service, resource, expression));
    service
        .facts()
        .forEach(
            (fact, said) ->
                into.cue(
                    fact + "=" + said.value(), new Evidence(resource, expression, said.quote())));
  }

  /** The note's measured values, each with the note's words for its element as evidence. */
  private static void stated(
      NoteReading reading, String resource, String expression, Documentation.Builder into) {
    for (double mm : reading.balloonDiametersMmExact()) {
      note(reading, DocumentationElement.BALLOON_DIAMETER, mm, "mm", resource, expression, into);
    }
    reading
        .inflationCount()
        .ifPresent(
            n ->
                note(
                    reading,
                    DocumentationElement.INFLATION_COUNT,
                    n,
                    "count",
                    resource,
                    expression,
                    into));
    reading
        .inflationDurationSeconds()
        .ifPresent(
            s ->
                note(
                    reading,
                    DocumentationElement.INFLATION_DURATION,
                    s,
                    "s",
                    resource,
                    expression,
                    into));
    reading
        .preDilationLumenMm()
        .ifPresent(
            mm ->
                note(
                    reading,
                    DocumentationElement.PRE_DILATION_LUMEN,
                    mm,
                    "mm",
                    resource,
                    expression,
                    into));
    reading
        .postDilationLumenMm()
        .ifPresent(
            mm ->
                note(
                    reading,
                    DocumentationElement.POST_DILATION_LUMEN,
                    mm,
                    "mm",
                    resource,
                    expression,
                    into));
    reading
        .sedationIntraserviceMinutes()
        .ifPresent(
            min ->
                note(
                    reading,
                    DocumentationElement.SEDATION_TIMES,
                    min,
                    "min",
                    resource,
                    expression,
                    into));
  }

  private static void note(
      NoteReading reading,
      DocumentationElement element,
      double value,
      String unit,
      String resource,
      String expression,
      Documentation.Builder into) {
    String words =
        reading.mention(element).map(ElementMention::evidence).orElse(String.valueOf(value));
    into.stated(
        new StatedValue(element, value, unit, new Evidence(resource, expression, words), true));
  }

  @Override
  public String htmlToText(String html) {
    return NoteReader.htmlToText(html);
  }
}
