package org.stomacds.engine.facts;

import java.util.Set;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.PayerMapping;

/** The fact extractor of the tests, with the real note reader. */
final class Facts {

  static final FactExtractor EXTRACTOR =
      new FactExtractor(
          PayerMapping.loadDefault(),
          new NoteReader(),
          new FactExtractor.Options(
              "44405",
              Set.of("99151", "99152", "99153", "G0500"),
              Set.of("00811"),
              code -> code.equals("44320") ? 90 : code.equals("44405") ? 0 : -1));

  private Facts() {}

  /** The documentation of the case's 44405 procedure. */
  static Documentation documentation(CaseBuilder c) {
    return EXTRACTOR
        .extract(c.resources(), Set.of(), CaseBuilder.DATE_OF_SERVICE)
        .procedures()
        .get(0)
        .documentation();
  }
}
