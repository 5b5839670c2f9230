package org.stomacds.engine.facts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The text of an RTF document (a note as Epic and other EHRs send it, {@code text/rtf}): control
 * words, groups, {@code \'hh} escapes in the document's code page, &#92;uN with its fallback
 * skipped (&#92;ucN), paragraph and line breaks as new lines, tabs and table cells as tabs. The
 * groups that hold no note text are skipped whole: font, colour and style tables, document
 * information, pictures and objects, headers and footers, field instructions (a field's result is
 * kept), and every {@code \*} destination.
 *
 * <p>Bounded: one pass over at most {@link #MAX_INPUT} characters, at most {@link #MAX_OUTPUT}
 * characters of text, groups nested at most {@link #MAX_DEPTH} deep (deeper content is skipped),
 * and {@code \binN} data skipped without being read as text. Never throws on malformed input.
 */
final class RtfText {

  static final int MAX_INPUT = 8 * 1024 * 1024;
  static final int MAX_OUTPUT = 1024 * 1024;
  static final int MAX_DEPTH = 256;

  private static final Set<String> SKIPPED =
      Set.of(
          "fonttbl",
          "colortbl",
          "stylesheet",
          "info",
          "pict",
          "object",
          "objdata",
          "header",
          "headerl",
          "headerr",
          "headerf",
          "footer",
          "footerl",
          "footerr",
          "footerf",
          "fldinst",
          "listtable",
          "listoverridetable",
          "rsidtbl",
          "generator",
          "xmlnstbl",
          "themedata",
          "colorschememapping",
          "latentstyles",
          "datastore",
          "pgdsctbl",
          "revtbl",
          "filetbl",
          "nonshppict",
          "shppict",
          "picprop",
          "bkmkstart",
          "bkmkend",
          "xe",
          "tc",
          "template",
          "docvar",
          "userprops",
          "mmathpr",
          "datafield",
          "formfield",
          "falt",
          "panose");

  private RtfText() {}

  /** Whether the bytes are an RTF document ({@code {\rtf} at the start, after white space). */
  static boolean isRtf(byte[] data) {
    int i = 0;
    while (i < data.length && i < 16 && Character.isWhitespace(data[i])) {
      i++;
    }
    return data.length - i >= 5
        && data[i] == '{'
        && data[i + 1] == '\\'
        && data[i + 2] == 'r'
        && data[i + 3] == 't'
        && data[i + 4] == 'f';
  }

  /** The text of the RTF bytes (read as bytes: RTF is 7-bit, other characters are escaped). */
  static String toText(byte[] data) {
    int length = Math.min(data.length, MAX_INPUT);
    return new Reader(new String(data, 0, length, StandardCharsets.ISO_8859_1)).read();
  }

  /** The state of one conversion. */
  private static final class Reader {
    private final String in;
    private final StringBuilder out = new StringBuilder();
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final boolean[] skipOf = new boolean[MAX_DEPTH + 1];
    private final int[] ucOf = new int[MAX_DEPTH + 1];
    private Charset codePage = Charset.forName("windows-1252");
    private int depth;
    private int overflow;
    private boolean skip;
    private int uc = 1;
    private int fallbackToSkip;
    private boolean groupStart;
    private int pos;

    Reader(String in) {
      this.in = in;
    }

    String read() {
      int n = in.length();
      while (pos < n && out.length() < MAX_OUTPUT) {
        char c = in.charAt(pos);
        switch (c) {
          case '{' -> {
            flushBytes();
            pos++;
            open();
          }
          case '}' -> {
            flushBytes();
            pos++;
            close();
          }
          case '\\' -> controlSymbol();
          case '\r', '\n' -> pos++;
          default -> {
            pos++;
            groupStart = false;
            flushBytes();
            text(c);
          }
        }
      }
      flushBytes();
      return out.length() > MAX_OUTPUT ? out.substring(0, MAX_OUTPUT) : out.toString();
    }

    private void open() {
      if (depth >= MAX_DEPTH) {
        overflow++;
        return;
      }
      skipOf[depth] = skip;
      ucOf[depth] = uc;
      depth++;
      groupStart = true;
    }

    private void close() {
      groupStart = false;
      if (overflow > 0) {
        overflow--;
        return;
      }
      if (depth > 0) {
        depth--;
        skip = skipOf[depth];
        uc = ucOf[depth];
      }
      fallbackToSkip = 0;
    }

    private void controlSymbol() {
      int n = in.length();
      if (pos + 1 >= n) {
        pos = n;
        return;
      }
      char next = in.charAt(pos + 1);
      if (Character.isLetter(next)) {
        controlWord();
        return;
      }
      pos += 2;
      boolean wasStart = groupStart;
      groupStart = false;
      switch (next) {
        case '\'' -> hexByte();
        case '*' -> {
          if (wasStart) {
            skip = true;
          }
        }
        case '\\', '{', '}' -> {
          flushBytes();
          text(next);
        }
        case '~' -> text(' ');
        case '_' -> text('-');
        case '\r', '\n' -> text('\n');
        default -> {
          // \- (optional hyphen), \| and others: nothing to read.
        }
      }
    }

    private void controlWord() {
      int n = in.length();
      int start = pos + 1;
      int end = start;
      while (end < n && end - start < 32 && Character.isLetter(in.charAt(end))) {
        end++;
      }
      String word = in.substring(start, end);
      boolean negative = end < n && in.charAt(end) == '-';
      int digitsStart = negative ? end + 1 : end;
      int digitsEnd = digitsStart;
      while (digitsEnd < n
          && digitsEnd - digitsStart < 10
          && Character.isDigit(in.charAt(digitsEnd))) {
        digitsEnd++;
      }
      boolean hasParam = digitsEnd > digitsStart;
      long param = hasParam ? Long.parseLong(in.substring(digitsStart, digitsEnd)) : 0;
      if (negative) {
        param = -param;
      }
      pos = hasParam ? digitsEnd : end;
      if (pos < n && in.charAt(pos) == ' ') {
        pos++;
      }
      boolean wasStart = groupStart;
      groupStart = false;
      if (!word.equals("u")) {
        flushBytes();
      }
      word(word, hasParam, param, wasStart);
    }

    private void word(String word, boolean hasParam, long param, boolean atGroupStart) {
      if (SKIPPED.contains(word)) {
        skip = true;
        return;
      }
      switch (word) {
        case "par", "line", "sect", "page", "row" -> newline();
        case "tab", "cell" -> text('\t');
        case "u" -> {
          flushBytes();
          long code = param < 0 ? param + 65_536 : param;
          if (code >= 0 && code <= 0xFFFF) {
            emit((char) code);
          }
          fallbackToSkip = uc;
        }
        case "uc" -> uc = hasParam ? (int) Math.max(0, Math.min(param, 10)) : 1;
        case "bin" ->
            pos = (int) Math.min(in.length(), pos + Math.max(0, Math.min(param, MAX_INPUT)));
        case "ansicpg" -> codePage = codePage((int) param);
        case "mac" -> codePage = charsetOr("x-MacRoman");
        case "pc" -> codePage = charsetOr("IBM437");
        case "pca" -> codePage = charsetOr("IBM850");
        case "emdash" -> text('\u2014');
        case "endash" -> text('\u2013');
        case "bullet" -> text('\u2022');
        case "lquote" -> text('\u2018');
        case "rquote" -> text('\u2019');
        case "ldblquote" -> text('\u201C');
        case "rdblquote" -> text('\u201D');
        case "emspace", "enspace", "qmspace" -> text(' ');
        default -> {
          // Formatting (\b, \fs24, \pard, ...) carries no text.
        }
      }
    }

    private void hexByte() {
      int n = in.length();
      if (pos + 2 > n) {
        pos = n;
        return;
      }
      int value;
      try {
        value = Integer.parseInt(in.substring(pos, pos + 2), 16);
      } catch (NumberFormatException e) {
        return;
      }
      pos += 2;
      if (skip || overflow > 0) {
        return;
      }
      if (fallbackToSkip > 0) {
        fallbackToSkip--;
        return;
      }
      pendingBytes.write(value);
    }

    private void text(char c) {
      if (fallbackToSkip > 0) {
        fallbackToSkip--;
        return;
      }
      emit(c);
    }

    private void newline() {
      fallbackToSkip = 0;
      emit('\n');
    }

    private void emit(char c) {
      if (!skip && overflow == 0 && out.length() < MAX_OUTPUT) {
        out.append(c);
      }
    }

    private void flushBytes() {
      if (pendingBytes.size() > 0) {
        String decoded = new String(pendingBytes.toByteArray(), codePage);
        pendingBytes.reset();
        for (int i = 0; i < decoded.length(); i++) {
          emit(decoded.charAt(i));
        }
      }
    }

    private static Charset codePage(int number) {
      if (number == 65001) {
        return StandardCharsets.UTF_8;
      }
      Charset charset = charsetOr("windows-" + number);
      return charset.name().equals("windows-1252") ? charsetOr("cp" + number) : charset;
    }

    private static Charset charsetOr(String name) {
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        return Charset.forName("windows-1252");
      }
    }
  }
}
