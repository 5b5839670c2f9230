package org.stomacds.engine.narrative;

import java.util.Objects;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * One place where a note speaks to a documentation element.
 *
 * @param element the element spoken to
 * @param negated true when the note mentions the element only to say it is missing or did not
 *     happen in a way that does not document it ("balloon size not recorded", "no fluoroscopy was
 *     used"); absence that <em>is</em> documentation ("no complications", "no sedation", "did not
 *     reach the cecum") is not negated
 * @param evidence the sentence (or, for a very long sentence, the phrase around the match) as it
 *     stands in the note; never the whole note
 * @param start offset of {@code evidence} in the text that was read
 * @param end offset just past {@code evidence} in the text that was read
 */
public record ElementMention(
    DocumentationElement element, boolean negated, String evidence, int start, int end) {
  public ElementMention {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(evidence, "evidence");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad evidence span " + start + ".." + end);
    }
  }

  /** Present and not negated. */
  public boolean documents() {
    return !negated;
  }
}
