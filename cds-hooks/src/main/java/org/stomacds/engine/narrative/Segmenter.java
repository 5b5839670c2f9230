package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a note into sentences and knows which section each one sits in.
 *
 * <p>Notes come dictated (long paragraphs, hard-wrapped at a fixed width), terse (one line per
 * fact) or templated ("Complications: none", or a heading with the content on the next lines). A
 * physical line break therefore ends a sentence unless the next line visibly continues it (starts
 * in lower case, or follows a long line that ends mid-phrase). One linear pass; no backtracking.
 */
final class Segmenter {

  private static final Pattern BULLET = Rx.compile("(?:[-*>]+|\\d{1,2}[.)])\\s");
  private static final int MAX_LABEL_WORDS = 6;
  private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "prof", "st");
  private static final int SOFT_WRAP_WIDTH = 50;
  private static final int MIN_WRAPPED_LINE = 40;

  private final String original;
  private final String folded;
  private int labelEnd;
  private final Matcher bullet;
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
  }

  /** Splits {@code folded}, which {@code scratch} was begun with. */
  static List<Sentence> split(String original, String folded, Scratch scratch) {
    return new Segmenter(original, folded, scratch.matcher(BULLET, false)).run();
  }

  /** Splits {@code folded} outside a reading (tests). */
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
    if (startsBlock(ts, te) || isCapsHeading(ps, pe)) {
      return false;
    }
    if (Character.isLowerCase(original.charAt(ts)) && pe - ps >= MIN_WRAPPED_LINE) {
      // A short line is a terse note's own line, even when the next one starts in lower case.
      return true;
    }
    if (last == ',' || last == '-' || last == '(' || last == '/') {
      return true;
    }
    return pe - ps >= SOFT_WRAP_WIDTH;
  }

  /**
   * Whether the note's first line [ts,te) is a title: more text follows, it has no label, no digit
   * and no closing punctuation, at most twelve words, and a word that names a procedure.
   */
  private boolean isTitleLine(int ts, int te, boolean moreFollows) {
    if (!moreFollows || labelAt(ts, te) != null || ".:;!?".indexOf(folded.charAt(te - 1)) >= 0) {
      return false;
    }
    for (int i = ts; i < te; i++) {
      if (Character.isDigit(folded.charAt(i))) {
        return false;
      }
    }
    String text = folded.substring(ts, te);
    int words = wordCount(text);
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
    return labelAt(ts, te) != null || bullet.region(ts, te).lookingAt() || isCapsHeading(ts, te);
  }

  /**
   * The label text when [from,to) starts with "Label:", else null: an optional bullet ("- ", "*",
   * "2. ", "3) "), a letter, then up to 48 characters of letters, digits, spaces and {@code
   * /&(),'#.+-} up to the first colon (spaces before it are not part of the label), and no digit
   * right after that colon ("09:12" is a time). Read by index: no regex backtracking.
   */
  private String labelAt(int from, int to) {
    int limit = Math.min(to, from + 56);
    int colon = -1;
    for (int i = from; i < limit && colon < 0; i++) {
      if (folded.charAt(i) == ':') {
        colon = i;
      }
    }
    // A table row turned into text ("Indication<TAB>stenosis at the fascia"): the first cell is
    // the label, whatever colons the second holds ("Sedation<TAB>... 10:05-10:31").
    int tab = cellEnd(from, limit);
    boolean cell = tab >= 0 && (colon < 0 || tab < colon);
    if (cell) {
      colon = tab;
    }
    // A template's leader dots stand for the colon: "Complications .... None immediate".
    int dots = leaderDots(from, colon < 0 ? limit : colon);
    int contentFrom = -1;
    if (dots >= 0 && !cell) {
      colon = dots;
      contentFrom = dots;
      while (contentFrom < to && folded.charAt(contentFrom) == '.') {
        contentFrom++;
      }
    }
    if (colon < 0) {
      return null;
    }
    int a = afterBullet(from, colon);
    if (a >= colon || folded.charAt(a) < 'a' || folded.charAt(a) > 'z') {
      return null;
    }
    int e = colon;
    while (e > a && (folded.charAt(e - 1) == ' ' || folded.charAt(e - 1) == '\n')) {
      e--;
    }
    if (e - a > 49 || (!cell && colon + 1 < to && isAsciiDigit(folded.charAt(colon + 1)))) {
      return null;
    }
    for (int i = a + 1; i < e; i++) {
      if (!isLabelChar(folded.charAt(i))) {
        return null;
      }
    }
    // "Colonoscopy through the colostomy. Indication: ..." is a sentence and then a label, not
    // one label: a full stop that ends a sentence cannot stand inside a label ("No. of
    // inflations:" can).
    for (int i = a; i < e; i++) {
      if (folded.charAt(i) == '.' && ends(i, to)) {
        return null;
      }
    }
    String text = folded.substring(a, e);
    if (wordCount(text) > (contentFrom >= 0 ? MAX_DOTTED_LABEL_WORDS : MAX_LABEL_WORDS)) {
      return null;
    }
    labelEnd = contentFrom >= 0 ? contentFrom : colon + 1;
    return text;
  }

  private static final int MAX_DOTTED_LABEL_WORDS = 4;

  /**
   * Where leader dots start in [from,to), or -1: three dots after a space, or four or more ("Plan
   * ...... diet", "EBL....none"); an ellipsis right after a word ("inflated... then") is not one.
   */
  private int leaderDots(int from, int to) {
    for (int i = from + 1; i + 2 < to; i++) {
      if (folded.charAt(i) == '.' && folded.charAt(i + 1) == '.' && folded.charAt(i + 2) == '.') {
        boolean four = i + 3 < folded.length() && folded.charAt(i + 3) == '.';
        return folded.charAt(i - 1) == ' ' || four ? i : -1;
      }
    }
    return -1;
  }

  /** The tab that ends the first cell of a line, or -1. */
  private int cellEnd(int from, int limit) {
    int tab = original.indexOf('\t', from);
    return tab > from && tab < limit ? tab : -1;
  }

  /** Where a label starts after an optional bullet: "- ", "**", "#", "12. ", "3) ". */
  private int afterBullet(int from, int limit) {
    int i = from;
    char c = folded.charAt(i);
    if (c == '-' || c == '*' || c == '>' || c == '#') {
      while (i < limit && "-*>#".indexOf(folded.charAt(i)) >= 0) {
        i++;
      }
      while (i < limit && (folded.charAt(i) == ' ' || folded.charAt(i) == '\n')) {
        i++;
      }
      return i;
    }
    int d = i;
    while (d < limit && d - i < 3 && isAsciiDigit(folded.charAt(d))) {
      d++;
    }
    int digits = d - i;
    if (digits >= 1
        && digits <= 2
        && d < limit
        && (folded.charAt(d) == '.' || folded.charAt(d) == ')')
        && d + 1 < limit
        && (folded.charAt(d + 1) == ' ' || folded.charAt(d + 1) == '\n')) {
      int j = d + 1;
      while (j < limit && (folded.charAt(j) == ' ' || folded.charAt(j) == '\n')) {
        j++;
      }
      return j;
    }
    return from;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || " /&(),'#.+-".indexOf(c) >= 0;
  }

  private int labelEnd() {
    return labelEnd;
  }

  /** A short line in capitals with no digits ("FINDINGS", "POST-PROCEDURE PLAN"). */
  private boolean isCapsHeading(int a, int b) {
    if (b - a > 40 || b - a < 3) {
      return false;
    }
    int letters = 0;
    for (int i = a; i < b; i++) {
      char c = original.charAt(i);
      if (Character.isLowerCase(c) || Character.isDigit(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    if (letters < 3 || folded.charAt(b - 1) == '.') {
      return false;
    }
    String text = folded.substring(a, b);
    return wordCount(text) <= 4 && !text.startsWith("no ") && !text.startsWith("not ");
  }

  private void flush(int ls, int le) {
    // A short capitalised line right under a heading ("SEDATION:" / "MAC") is its content.
    if (pendingHeading < 0 && isCapsHeading(ls, le)) {
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
    String lineLabel = labelAt(ls, le);
    if (lineLabel != null) {
      templateHeading = isCapitals(ls, labelEnd());
      Section section = Section.ofLabel(lineLabel);
      int cs = skipSpaces(labelEnd(), le);
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

  /** Whether [from,to) has letters and none in lower case: a template's "INDICATION:" heading. */
  private boolean isCapitals(int from, int to) {
    boolean letters = false;
    for (int i = from; i < to; i++) {
      char c = original.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
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
      if ((c == '.' || c == '!' || c == '?') && !dotRun && ends(i, le)) {
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

  /** Abbreviations a number follows: "approx. 6 mm", "est. 10 mm", "no. 3". */
  private static final Set<String> ABBREVIATIONS_BEFORE_A_NUMBER =
      Set.of("approx", "appr", "est", "ca", "no", "nr", "vs", "abt", "apx", "max", "min", "fig");

  private String wordBefore(int i) {
    int a = i;
    while (a > 0 && !Character.isWhitespace(folded.charAt(a - 1)) && folded.charAt(a - 1) != '(') {
      a--;
    }
    return folded.substring(a, i);
  }

  /** Whether the full stop (or ! or ?) at i ends a sentence. */
  private boolean ends(int i, int le) {
    if (i + 1 >= le) {
      return true;
    }
    char next = folded.charAt(i + 1);
    if (next != ' ' && next != '\n' && next != '"' && next != ')' && next != '\'') {
      // "16.5", "e.g.", "a.m." and the like.
      return false;
    }
    if (folded.charAt(i) == '!') {
      return true;
    }
    int j = i + 1;
    while (j < le && (folded.charAt(j) == ' ' || folded.charAt(j) == '\n')) {
      j++;
    }
    if (j >= le) {
      return true;
    }
    char following = original.charAt(j);
    if (folded.charAt(i) == '?') {
      // "Balloon 15mm? (RN log says 16.5) x2": a doubt inside the sentence, not a question.
      return !(following == '('
          || Character.isLowerCase(following)
          || Character.isDigit(following));
    }
    // "approx. 6 mm", "pt. tolerated": a lower-case word carries the sentence on, and so does a
    // number after an abbreviation; after a number or unit ("lumen ~8mm. 15mm balloon x2") a
    // number starts the next sentence.
    if (Character.isLowerCase(following)) {
      return false;
    }
    if (Character.isDigit(following)) {
      return !ABBREVIATIONS_BEFORE_A_NUMBER.contains(wordBefore(i));
    }
    // "Dr. Lee": a title before a name.
    return !isTitle(i);
  }

  private boolean isTitle(int dot) {
    int b = dot;
    while (b > 0 && Character.isLetter(folded.charAt(b - 1)) && dot - b < 5) {
      b--;
    }
    return b < dot
        && (b == 0 || !Character.isLetter(folded.charAt(b - 1)))
        && TITLES.contains(folded.substring(b, dot));
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
      String own = labelAt(a, b);
      if (own != null) {
        contentStart = skipSpaces(labelEnd(), b);
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

  private int skipSpaces(int i, int limit) {
    while (i < limit && (folded.charAt(i) == ' ' || folded.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }

  private static int wordCount(String s) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = s.charAt(i) == ' ';
      if (!space && !in) {
        words++;
      }
      in = !space;
    }
    return words;
  }
}
