package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a note into sentences and knows which section each one sits in.
 *
 * <p>Notes come dictated (long paragraphs, hard-wrapped at a fixed width), terse (one line per
 * fact) or templated ("Complications: none", or a heading with the content on the next lines). A
 * physical line break therefore ends a sentence unless the next line visibly continues it (starts
 * in lower case, or follows a long line that ends mid-phrase). One linear pass; no backtracking.
 *
 * <p>This class joins lines into logical lines and gives each sentence its section (a label's, a
 * heading's, the paragraph's); {@link LineLabels} reads the label or heading that opens a line and
 * {@link SentenceEnds} says where a sentence ends inside one.
 */
final class Segmenter {

  private static final Pattern BULLET = Rx.compile("(?:[-*>]+|\\d{1,2}[.)])\\s");
  private static final int SOFT_WRAP_WIDTH = 50;
  private static final int MIN_WRAPPED_LINE = 40;
  private static final Pattern UNIT_FIRST =
      Rx.compile("(?:mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)\\b(?!\\s*:)");

  private final String original;
  private final String folded;
  private final Matcher bullet;
  private final SentenceEnds sentenceEnds;
  private final LineLabels labels;
  private final List<Sentence> out = new ArrayList<>();

  /** A label at the start of a line governs at most this many of its sentences together. */
  private static final int MAX_SENTENCES_GOVERNED_BY_LABEL = 2;

  private Section paragraphSection;
  private int pendingHeading = -1;
  private boolean firstLine = true;

  /** Stems of the words that name a procedure in a title line. */
  private static final String[] TITLE_WORDS = {
    "colonoscop",
    "endoscop",
    "ileoscop",
    "scope",
    "dilat",
    "dil",
    "stom",
    "ostomy",
    "balloon",
    "balon",
    "ballon",
    "procedure"
  };

  private Segmenter(String original, String folded, Matcher bullet) {
    this.original = original;
    this.folded = folded;
    this.bullet = bullet;
    this.sentenceEnds = new SentenceEnds(original, folded);
    this.labels = new LineLabels(original, folded, sentenceEnds);
  }

  /** Splits a note into sentences: {@code folded} is {@code original} folded. */
  static List<Sentence> split(String original, String folded) {
    return new Segmenter(original, folded, BULLET.matcher(folded)).run();
  }

  private List<Sentence> run() {
    int n = folded.length();
    int lineStart = 0;
    int logicalStart = -1;
    int logicalEnd = -1;
    int lastStart = -1;
    int lastEnd = -1;
    while (lineStart <= n) {
      int nl = folded.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      int ts = lineStart;
      int te = lineEnd;
      while (ts < te && folded.charAt(ts) == ' ') {
        ts++;
      }
      while (te > ts && folded.charAt(te - 1) == ' ') {
        te--;
      }
      if (firstLine && ts < te) {
        firstLine = false;
        if (isTitleLine(ts, te, lineEnd < n)) {
          sentences(ts, te, Section.TITLE, ts, false);
          lastStart = ts;
          lastEnd = te;
          if (nl < 0) {
            break;
          }
          lineStart = nl + 1;
          continue;
        }
      }
      if (ts == te) {
        if (logicalStart >= 0) {
          flush(logicalStart, logicalEnd);
        }
        logicalStart = -1;
        paragraphSection = null;
        pendingHeading = -1;
      } else if (logicalStart >= 0 && continues(lastStart, lastEnd, ts, te)) {
        logicalEnd = te;
      } else {
        if (logicalStart >= 0) {
          flush(logicalStart, logicalEnd);
        }
        logicalStart = ts;
        logicalEnd = te;
      }
      if (ts < te) {
        lastStart = ts;
        lastEnd = te;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    if (logicalStart >= 0) {
      flush(logicalStart, logicalEnd);
    }
    return out;
  }

  /** Whether the line [ts,te) carries on the sentence of the line [ps,pe) above it. */
  private boolean continues(int ps, int pe, int ts, int te) {
    char last = folded.charAt(pe - 1);
    if (".:;!?".indexOf(last) >= 0) {
      return false;
    }
    if (startsBlock(ts, te) || labels.isCapsHeading(ps, pe)) {
      return false;
    }
    if (last == ',' || last == '-' || last == '(' || last == '/') {
      return true;
    }
    if (Character.isDigit(last) && UNIT_FIRST.matcher(folded).region(ts, te).lookingAt()) {
      // "The lumen measured 7 / mm by comparison with the open snare": an export's stray break
      // between a number and its unit
      return true;
    }
    if (NEEDS_MORE.matcher(folded).region(lastWordStart(ps, pe), pe).matches()) {
      // "Colonoscopy via / end colostomy with / balloon dilation": an export's stray break after a
      // word no line ends on
      return true;
    }
    if (Character.isLowerCase(original.charAt(ts)) && pe - ps >= MIN_WRAPPED_LINE) {
      // A short line is a terse note's own line, even when the next one starts in lower case; so
      // is a long one when the next opens a terse item ("... now c/o obstipation" / "scope thru"),
      // unless a bracket is left open ("(passes the ped / scope with resistance)")
      return !TERSE_ITEM.matcher(folded).region(ts, te).lookingAt()
          || folded.lastIndexOf('(', pe - 1) > Math.max(ps - 1, folded.lastIndexOf(')', pe - 1));
    }
    if (Character.isUpperCase(original.charAt(ts))
        && hasLowerCase(ps, pe)
        && !holdsCells(ps, te)
        && labelsAField(ps, pe)) {
      // "Ind: stoma narrowing ... before takedown / MAC (anesth) 1115-1140": a labelled line is a
      // field of its own, and a line in capitals after it (in lower case) opens the next
      return false;
    }
    return pe - ps >= SOFT_WRAP_WIDTH;
  }

  /** What a terse line opens with: "scope thru colost", "mod sed: midaz 2", "fluoro: none". */
  private static final Pattern TERSE_ITEM =
      Rx.compile(
          "(?:scope|colo|sed|mod|ga|mac|stx|cre|tts|bal|fluoro|ind|dx|d/c|dispo|ebl|comp|cx|clears"
              + "|f/u|rtc)(?![a-z])");

  /**
   * A word no line ends on: a preposition that needs its object, an article, a conjunction ("go
   * through" may end one).
   */
  private static final Pattern NEEDS_MORE =
      Rx.compile("via|with|of|the|a|an|and|or|into|from|per|under");

  private int lastWordStart(int ps, int pe) {
    int i = pe;
    while (i > ps && Character.isLetter(folded.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** A line that opens with a label: "Ind: ...", "Prox limb: ...", a field of its own. */
  private boolean labelsAField(int ps, int pe) {
    String label = labels.labelAt(ps, pe);
    return label != null;
  }

  private boolean hasLowerCase(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLowerCase(original.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rows of a table drawn in text ("Site | Balloon | Hold") go on as the table reader reads them.
   */
  private boolean holdsCells(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = folded.charAt(i);
      if (c == '|' || c == '\t') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the note's first line [ts,te) is a title: more text follows, it has no label, no digit
   * and no closing punctuation, at most twelve words, and a word that names a procedure.
   */
  private boolean isTitleLine(int ts, int te, boolean moreFollows) {
    if (!moreFollows
        || labels.labelAt(ts, te) != null
        || ".:;!?".indexOf(folded.charAt(te - 1)) >= 0) {
      return false;
    }
    for (int i = ts; i < te; i++) {
      if (Character.isDigit(folded.charAt(i))) {
        return false;
      }
    }
    String text = folded.substring(ts, te);
    int words = LineLabels.wordCount(text);
    if (words < 2 || words > 12) {
      return false;
    }
    for (String w : TITLE_WORDS) {
      int at = text.indexOf(w);
      if (at >= 0
          && (at == 0
              || !Character.isLetter(text.charAt(at - 1))
              || w.equals("stom")
              || w.equals("ostomy")
              || w.equals("scope"))) {
        return true;
      }
    }
    return false;
  }

  private boolean startsBlock(int ts, int te) {
    return labels.labelAt(ts, te) != null
        || bullet.region(ts, te).lookingAt()
        || labels.isCapsHeading(ts, te);
  }

  private void flush(int ls, int le) {
    // A short capitalised line right under a heading ("SEDATION:" / "MAC") is its content.
    // Not a label with its content after it: "INDICATION: OBSTRUCTED COLOSTOMY" is a field.
    if (pendingHeading < 0 && labels.isCapsHeading(ls, le) && !labelledContent(ls, le)) {
      String text = folded.substring(ls, le);
      if (text.endsWith(":")) {
        text = text.substring(0, text.length() - 1);
      }
      heading(ls, le, Section.ofLabel(text));
      return;
    }
    Section lineSection = null;
    int contentStart = ls;
    boolean templateHeading = false;
    String lineLabel = labels.labelAt(ls, le);
    if (lineLabel != null) {
      templateHeading = labels.isCapitals(ls, labels.labelEnd());
      Section section = Section.ofLabel(lineLabel);
      int cs = skipSpaces(labels.labelEnd(), le);
      if (cs >= le) {
        heading(ls, le, section);
        return;
      }
      contentStart = cs;
      if (section != Section.OTHER) {
        lineSection = section;
        paragraphSection = null;
      } else if (Section.isTopicLabel(lineLabel)) {
        lineSection = Section.OTHER;
        paragraphSection = null;
      }
    }
    sentences(ls, le, lineSection, contentStart, templateHeading);
  }

  private void heading(int ls, int le, Section section) {
    // "PROCEDURE:" alone on its line heads the narrative of the procedure, not a title.
    Section under = section == Section.TITLE ? Section.OTHER : section;
    emit(ls, le, under, le, true);
    paragraphSection = under;
    pendingHeading = ls;
  }

  private void sentences(
      int ls, int le, Section lineSection, int firstContent, boolean templateHeading) {
    List<int[]> bounds = new ArrayList<>();
    int s = ls;
    for (int i = ls; i < le; i++) {
      char c = folded.charAt(i);
      boolean dotRun = c == '.' && i > ls && folded.charAt(i - 1) == '.';
      if ((c == '.' || c == '!' || c == '?') && !dotRun && sentenceEnds.ends(i, le)) {
        bounds.add(new int[] {s, i + 1});
        s = i + 1;
      }
    }
    if (s < le) {
      bounds.add(new int[] {s, le});
    }
    // A label governs the rest of a short line ("Plan: resume diet. Follow up in 6 weeks."). A
    // dictated paragraph that merely opens with a label ("Indication: stenosis. The scope was
    // passed through the colostomy. ...") is governed by it in its first sentence only: the rest
    // narrates the procedure. A template's heading in capitals ("INDICATION: ...") governs its
    // whole paragraph, however long: the template puts the procedure under its own heading.
    // A plan ("Disposition: home. Resume diet. Likely another dilation at 18 mm.") is a plan to
    // the end of its line: nobody narrates the procedure after "Plan:". A "PROCEDURE:" label in
    // capitals that goes on to narrate the procedure names it in its first sentence only: the
    // narrative after it dates the dilation and the lumens like any other.
    boolean labelGovernsLine =
        templateHeading && lineSection != Section.TITLE
            || bounds.size() <= MAX_SENTENCES_GOVERNED_BY_LABEL
            || lineSection == Section.PLAN;
    for (int k = 0; k < bounds.size(); k++) {
      int[] b = bounds.get(k);
      Section section = k == 0 || labelGovernsLine ? lineSection : null;
      sentence(b[0], b[1], section, b[0] == ls ? firstContent : -1);
    }
  }

  private void sentence(int a, int b, Section lineSection, int knownContent) {
    while (a < b && (folded.charAt(a) == ' ' || folded.charAt(a) == '\n')) {
      a++;
    }
    while (b > a && (folded.charAt(b - 1) == ' ' || folded.charAt(b - 1) == '\n')) {
      b--;
    }
    if (a >= b) {
      return;
    }
    Section section = lineSection != null ? lineSection : paragraphSection;
    int contentStart = knownContent >= 0 ? knownContent : a;
    if (knownContent < 0) {
      String own = labels.labelAt(a, b);
      if (own != null) {
        contentStart = skipSpaces(labels.labelEnd(), b);
        Section ownSection = Section.ofLabel(own);
        if (ownSection != Section.OTHER) {
          section = ownSection;
        }
      }
    }
    emit(a, b, section == null ? Section.OTHER : section, contentStart, false);
  }

  private void emit(int a, int b, Section section, int contentStart, boolean headingOnly) {
    int headingStart = -1;
    if (!headingOnly && pendingHeading >= 0) {
      headingStart = pendingHeading;
      pendingHeading = -1;
    }
    out.add(new Sentence(a, b, section, contentStart, headingStart, headingOnly));
  }

  /** A "LABEL: CONTENT" line: a colon label with a letter after it on the line. */
  private boolean labelledContent(int ls, int le) {
    if (labels.labelAt(ls, le) == null) {
      return false;
    }
    int colon = folded.indexOf(':', ls);
    if (colon < 0 || colon >= le || colon > labels.labelEnd()) {
      return false;
    }
    for (int i = colon + 1; i < le; i++) {
      if (Character.isLetter(folded.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private int skipSpaces(int i, int limit) {
    while (i < limit && (folded.charAt(i) == ' ' || folded.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }
}
