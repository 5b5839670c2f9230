package org.stomacds.engine.narrative;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Turns hits and numbers into {@link ElementMention}s quoting the note, and collects them with the
 * values into the reading being built. One mention per element, polarity and evidence span.
 */
final class Mentions {

  private static final int MAX_EVIDENCE = 240;

  final NoteReading.Builder out = new NoteReading.Builder();
  private final String text;
  private final String f;
  private final List<Sentence> sentences;
  private final Set<Long> seen = new HashSet<>();

  Mentions(IndexedNote note) {
    this.text = note.text;
    this.f = note.f;
    this.sentences = note.sentences;
  }

  ElementMention mention(Hit h, boolean negated) {
    return mention(h.element(), negated, h.sentence(), h.start(), h.end(), false);
  }

  ElementMention mention(DocumentationElement e, boolean negated, Hit h) {
    return mention(e, negated, h.sentence(), h.start(), h.end(), false);
  }

  ElementMention mention(DocumentationElement e, boolean negated, Value v) {
    return mention(e, negated, v.sentence(), v.start(), v.end(), false);
  }

  ElementMention mention(
      DocumentationElement e,
      boolean negated,
      int sentence,
      int start,
      int end,
      boolean withHeading) {
    Sentence s = sentences.get(sentence);
    int a = s.start();
    int b = s.end();
    if (withHeading && s.headingStart() >= 0 && b - s.headingStart() <= MAX_EVIDENCE) {
      a = s.headingStart();
    }
    if (b - a > MAX_EVIDENCE) {
      int center = (start + end) / 2;
      a = Math.max(s.start(), center - MAX_EVIDENCE / 2);
      b = Math.min(s.end(), a + MAX_EVIDENCE);
      a = Math.max(s.start(), b - MAX_EVIDENCE);
      while (a > s.start() && a < start && f.charAt(a - 1) != ' ' && f.charAt(a - 1) != '\n') {
        a++;
      }
      while (b < s.end() && b > end && f.charAt(b) != ' ' && f.charAt(b) != '\n') {
        b--;
      }
    }
    while (a < b && Character.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    ElementMention m = new ElementMention(e, negated, text.substring(a, b), a, b);
    long key = ((long) e.ordinal() << 40) | ((negated ? 1L : 0L) << 39) | a;
    if (seen.add(key)) {
      out.mentions.add(m);
    }
    return m;
  }

  String quote(int a, int b) {
    while (a < b && !Character.isLetterOrDigit(text.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(text.charAt(b - 1))) {
      b--;
    }
    return text.substring(a, b);
  }
}
