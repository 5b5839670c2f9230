package org.stomacds.engine.facts;

/**
 * How the facts read a note's text: the narrative package's {@code NoteReader} in production. Kept
 * behind this seam so the facts can be tested on structured documentation alone.
 */
interface Narrative {

  /**
   * Reads one note text into {@code into}; every element found names {@code resource} and {@code
   * expression} as where it was seen.
   */
  void read(String text, String resource, String expression, Documentation.Builder into);

  /** The text of an HTML note. */
  String htmlToText(String html);
}
