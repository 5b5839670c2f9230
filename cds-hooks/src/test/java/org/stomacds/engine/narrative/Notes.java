package org.stomacds.engine.narrative;

import org.stomacds.engine.documentation.DocumentationElement;

/** Test helpers: one shared reader (it is thread-safe and reusable), and short assertions. */
final class Notes {

  static final NoteReader READER = new NoteReader();

  private Notes() {}

  static NoteReading read(String text) {
    return READER.read(text);
  }

  static boolean documents(String text, DocumentationElement e) {
    return read(text).documents(e);
  }

  /** Mentioned, but only to say it is missing or did not happen. */
  static boolean negated(String text, DocumentationElement e) {
    return read(text).mention(e).map(ElementMention::negated).orElse(false);
  }

  static boolean silentOn(String text, DocumentationElement e) {
    return read(text).mention(e).isEmpty();
  }
}
