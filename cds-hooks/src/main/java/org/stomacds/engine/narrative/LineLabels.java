package org.stomacds.engine.narrative;

/**
 * Reads what opens a line of a note: a "Label:" (with an optional bullet; leader dots or a table
 * row's first cell stand for the colon) and where its content starts, or a short heading in
 * capitals ("FINDINGS"). Read by index: no regex backtracking.
 */
final class LineLabels {

  private static final int MAX_LABEL_WORDS = 6;

  private final String original;
  private final String folded;
  private final SentenceEnds sentenceEnds;
  private int labelEnd;

  LineLabels(String original, String folded, SentenceEnds sentenceEnds) {
    this.original = original;
    this.folded = folded;
    this.sentenceEnds = sentenceEnds;
  }

  /**
   * The label text when [from,to) starts with "Label:", else null: an optional bullet ("- ", "*",
   * "2. ", "3) "), a letter, then up to 48 characters of letters, digits, spaces and {@code
   * /&(),'#.+-} up to the first colon (spaces before it are not part of the label), and no digit
   * right after that colon ("09:12" is a time). Read by index: no regex backtracking.
   */
  String labelAt(int from, int to) {
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
      return dashLabel(from, limit, to);
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
      if (folded.charAt(i) == '.' && sentenceEnds.ends(i, to)) {
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

  private static final int MAX_DASH_LABEL_WORDS = 3;

  /**
   * A dictated or exported field whose label a dash ends ("Indication - stomal narrowing",
   * "Sedation - propofol by the anaesthetist", "Complications – none"): taken for a label only when
   * its one to three words name a section (a stricture's "Stx - 3 cm" stays a sentence).
   */
  private String dashLabel(int from, int limit, int to) {
    int a = afterBullet(from, limit);
    int dash = -1;
    for (int i = a + 1; i + 1 < limit; i++) {
      char c = folded.charAt(i);
      if (c == '-' && folded.charAt(i - 1) == ' ' && folded.charAt(i + 1) == ' ') {
        dash = i;
        break;
      }
      if (c != ' ' && c != '/' && (c < 'a' || c > 'z')) {
        return null;
      }
    }
    if (dash < 0 || a >= dash) {
      return null;
    }
    String text = folded.substring(a, dash).trim();
    if (text.isEmpty()
        || wordCount(text) > MAX_DASH_LABEL_WORDS
        || SectionLabels.of(text) == Section.OTHER) {
      return null;
    }
    labelEnd = Math.min(dash + 1, to);
    return text;
  }

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

  int labelEnd() {
    return labelEnd;
  }

  /** A short line in capitals with no digits ("FINDINGS", "POST-PROCEDURE PLAN"). */
  boolean isCapsHeading(int a, int b) {
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

  /** Whether [from,to) has letters and none in lower case: a template's "INDICATION:" heading. */
  boolean isCapitals(int from, int to) {
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

  static int wordCount(String s) {
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
