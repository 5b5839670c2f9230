package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;

import java.util.List;

/**
 * When a stopped procedure was stopped (the facility modifiers 73 and 74): before sedation and
 * insertion, or after, from the stop's sentence or else from what the note shows was done.
 */
final class StopTime {

  private StopTime() {}

  private static final AnchoredPattern BEFORE_ANESTHESIA =
      AnchoredPattern.compile(
          "\\b(?:before|prior\\s+to|pre-?)\\s*(?:the\\s+)?(?:any\\s+)?(?:administration\\s+of\\s+)?"
              + "(?:sedation|an(?:a)?esthesia|induction|insertion|scope\\s+insertion|intubation"
              + "|the\\s+scope\\s+(?:was|could\\s+be)\\s+(?:inserted|introduced|passed)|the\\s+start"
              + "|starting|beginning|administration)\\b|\\bin\\s+the\\s+(?:pre-?procedure|pre-?op"
              + "|holding)\\s+area\\b|\\bbefore\\s+entering\\b|\\bnot\\s+(?:yet\\s+)?sedated\\b");
  private static final AnchoredPattern AFTER_ANESTHESIA =
      AnchoredPattern.compile(
          "\\b(?:after|following|once)\\s+(?:the\\s+)?(?:induction|sedation|an(?:a)?esthesia"
              + "|insertion|intubation|scope\\s+insertion|administration\\s+of|the\\s+scope\\s+was"
              + "\\s+(?:inserted|introduced|advanced|passed)|the\\s+stoma\\s+was\\s+intubated)\\b");
  private static final AnchoredPattern INSERTION_SHOWN =
      AnchoredPattern.compile(
          "\\b(?:scope|colonoscope|endoscope|gastroscope)\\s+(?:was\\s+)?(?:then\\s+)?"
              + "(?:inserted|introduced|advanced|passed)\\b|\\bintubat(?:ed|ion)\\b|\\badvanced\\s+to\\b");

  /** When the {@code stops} (the hits saying the procedure was stopped) stopped it, or null. */
  static DiscontinuedAt of(
      String f,
      List<Sentence> sentences,
      List<Hit> hits,
      List<ElementMention> mentions,
      List<Hit> stops) {
    for (Hit h : stops) {
      Sentence s = sentences.get(h.sentence());
      if (BEFORE_ANESTHESIA.finder(f).region(s.start(), s.end()).find()) {
        return DiscontinuedAt.BEFORE_ANESTHESIA;
      }
      if (AFTER_ANESTHESIA.finder(f).region(s.start(), s.end()).find()) {
        return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
      }
    }
    // No word on when: the note shows it if the scope went in or sedation was given.
    boolean inserted =
        mentions.stream().anyMatch(m -> m.element() == ROUTE_THROUGH_STOMA && !m.negated());
    for (int i = 0; i < sentences.size() && !inserted; i++) {
      Sentence s = sentences.get(i);
      inserted =
          s.section().describesThisProcedure()
              && INSERTION_SHOWN.finder(f).region(s.start(), s.end()).find();
    }
    if (inserted) {
      return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
    }
    for (Hit h : hits) {
      if ((h.tag() == Tag.SED_MAC
              || h.tag() == Tag.SED_MODERATE
              || h.tag() == Tag.SED_DRUG_MAC
              || h.tag() == Tag.SED_DRUG_MODERATE)
          && h.polarity() == Polarity.AFFIRMED) {
        return DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION;
      }
    }
    return null;
  }
}
