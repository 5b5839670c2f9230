package org.stomacds.engine.narrative;

/**
 * Folds a note into a copy of exactly the same length that every pattern reads: lower case, one
 * kind of space, one kind of dash, one kind of quote. Because the length is kept, an offset found
 * in the folded copy is an offset in the note as given.
 */
final class NoteText {

  /** The folded form of each ASCII character but CR, which depends on the next one. */
  private static final char[] ASCII = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = slow(c);
    }
  }

  private NoteText() {}

  static String fold(String s) {
    int n = s.length();
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128 && c != '\r') {
        out[i] = ASCII[c];
        continue;
      }
      // A lone CR ends a line; the CR of a CRLF becomes a space so the LF alone counts.
      out[i] = c == '\r' ? ((i + 1 < n && s.charAt(i + 1) == '\n') ? ' ' : '\n') : slow(c);
    }
    return new String(out);
  }

  private static char slow(char c) {
    return switch (c) {
      case '\n', '\u2028', '\u2029', '\u0085' -> '\n';
      case '\u2010',
          '\u2011',
          '\u2012',
          '\u2013',
          '\u2014',
          '\u2015',
          '\u2212',
          '\ufe63',
          '\uff0d' ->
          '-';
      case '\u00d7' -> 'x';
      case '\u2248', '\u223c', '\u2243' -> '~';
      case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`' -> '\'';
      case '\u201c', '\u201d', '\u201e', '\u2033' -> '"';
      case '\u2022', '\u25aa', '\u25cf', '\u2023' -> '*';
      default ->
          Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b'
              ? ' '
              : Character.toLowerCase(c);
    };
  }
}
