package org.stomacds.engine.narrative;

import java.util.List;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * One row of a phrase table ({@code narrative/phrases/<element>.yaml}), checked and ready to build
 * a {@link Trigger}.
 *
 * @param file the table's resource name
 * @param id the row's name, unique in its file
 * @param line the line the row starts on
 * @param pattern the pattern with its macros expanded, top-level alternatives joined by {@code |}
 * @param anchors the anchors derived from the pattern (empty only for a floating row whose pattern
 *     has an alternative that starts with no literal word)
 * @param requires the features (by name) every sentence it is tried in must hold
 * @param skip sections whose sentences it is not tried in
 * @param innerNegation whether a negation inside the match negates it
 * @param hypothetical whether a match talked about hypothetically is dropped
 * @param floating whether a match may start away from the anchors
 * @param guard the named check on a match, or null
 * @param examples sentences with what the reader must read in them
 */
record PhraseRow(
    String file,
    String id,
    int line,
    DocumentationElement element,
    Tag tag,
    String pattern,
    Set<String> anchors,
    List<String> requires,
    Set<Section> skip,
    boolean innerNegation,
    boolean hypothetical,
    boolean floating,
    NamedGuard guard,
    List<Example> examples) {

  /** How tests and errors name the row: {@code route-through-stoma.yaml#through-the-stoma}. */
  String source() {
    return file.substring(file.lastIndexOf('/') + 1) + "#" + id;
  }

  /** What a reading of the example's text says of the row's element. */
  enum Reads {
    DOCUMENTED,
    NEGATED,
    SILENT
  }

  /**
   * An example: text and what the reader must read in it.
   *
   * @param value the element's value as the reading gives it (null: not checked)
   * @param quote words the reading's evidence must hold (null: the row's own match)
   * @param fires whether the row itself must match in the text (false for a counter-example)
   */
  record Example(String text, Reads reads, String value, String quote, boolean fires, int line) {}
}
