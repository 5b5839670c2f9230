package org.stomacds.engine.narrative;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * A small, linear HTML-to-text converter for notes: enough HTML to read a FHIR narrative or an
 * exported note, no DOM. Malformed markup degrades to text rather than failing.
 */
final class HtmlText {

  private static final int MAX_TAG = 4096;

  /** Elements whose content is not text of the note. */
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "head", "title", "noscript", "template", "object", "iframe");

  /** Elements that stand apart as paragraphs. */
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "ul",
          "ol",
          "dl",
          "blockquote",
          "pre",
          "hr",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "address",
          "fieldset",
          "form",
          "main",
          "nav",
          "aside",
          "details");

  /** Elements that stand on their own line. */
  private static final Set<String> LINES =
      Set.of(
          "br",
          "div",
          "li",
          "tr",
          "dt",
          "dd",
          "caption",
          "figcaption",
          "legend",
          "summary",
          "thead",
          "tbody",
          "tfoot",
          "center");

  private static final Set<String> CELLS = Set.of("td", "th");

  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ensp", " "),
          Map.entry("emsp", " "),
          Map.entry("thinsp", " "),
          Map.entry("ndash", "-"),
          Map.entry("mdash", "-"),
          Map.entry("minus", "-"),
          Map.entry("times", "x"),
          Map.entry("divide", "/"),
          Map.entry("deg", "\u00b0"),
          Map.entry("micro", "\u00b5"),
          Map.entry("plusmn", "+/-"),
          Map.entry("frac12", "1/2"),
          Map.entry("frac14", "1/4"),
          Map.entry("frac34", "3/4"),
          Map.entry("hellip", "..."),
          Map.entry("rsquo", "'"),
          Map.entry("lsquo", "'"),
          Map.entry("ldquo", "\""),
          Map.entry("rdquo", "\""),
          Map.entry("bull", "*"),
          Map.entry("middot", "\u00b7"),
          Map.entry("le", "<="),
          Map.entry("ge", ">="),
          Map.entry("sup2", "2"),
          Map.entry("copy", "(c)"),
          Map.entry("reg", "(R)"),
          Map.entry("trade", "(TM)"),
          Map.entry("shy", ""));

  private HtmlText() {}

  static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    int pre = 0;
    int[] nextGt = {-1};
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int close = html.indexOf("-->", i + 4);
          i = close < 0 ? n : close + 3;
          continue;
        }
        if (html.startsWith("<![CDATA[", i)) {
          int close = html.indexOf("]]>", i + 9);
          int stop = close < 0 ? n : close;
          appendText(out, html, i + 9, stop, pre > 0);
          i = close < 0 ? n : close + 3;
          continue;
        }
        int end = tagEnd(html, i, nextGt);
        if (end < 0) {
          appendChar(out, c, pre > 0);
          i++;
          continue;
        }
        String tag = html.substring(i + 1, end);
        boolean closing = tag.startsWith("/");
        String name = tagName(tag);
        if (name.isEmpty()) {
          i = end + 1;
          continue;
        }
        if (!closing && SKIPPED.contains(name) && !tag.endsWith("/")) {
          i = skipElement(html, end + 1, name);
          continue;
        }
        if (name.equals("pre")) {
          pre = closing ? Math.max(0, pre - 1) : pre + 1;
        }
        if (PARAGRAPHS.contains(name)) {
          breakLines(out, 2);
        } else if (LINES.contains(name)) {
          breakLines(out, 1);
          if (name.equals("li") && !closing) {
            out.append("- ");
          }
        } else if (CELLS.contains(name) && !closing) {
          if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\t');
          }
        }
        i = end + 1;
      } else if (c == '&') {
        i = entity(html, i, out);
      } else {
        appendChar(out, c, pre > 0);
        i++;
      }
    }
    return tidy(out);
  }

  /**
   * Index of the '>' closing the tag that opens at {@code start}, or -1 if it is not a tag (not
   * followed by a name, or no '>' within {@link #MAX_TAG} characters). {@code nextGt} holds the
   * position of the next '>' found so far, so that a text full of unclosed '<' is still read in one
   * pass. A '>' inside a quoted attribute value ends the tag early; notes do not put one there.
   */
  private static int tagEnd(String html, int start, int[] nextGt) {
    int n = html.length();
    if (start + 1 >= n) {
      return -1;
    }
    char first = html.charAt(start + 1);
    if (!(Character.isLetter(first) || first == '/' || first == '!' || first == '?')) {
      return -1;
    }
    if (nextGt[0] <= start) {
      int gt = html.indexOf('>', start + 1);
      nextGt[0] = gt < 0 ? n : gt;
    }
    int gt = nextGt[0];
    return gt < n && gt - start <= MAX_TAG ? gt : -1;
  }

  private static String tagName(String tag) {
    int a = 0;
    while (a < tag.length()
        && (tag.charAt(a) == '/' || tag.charAt(a) == '!' || tag.charAt(a) == '?')) {
      a++;
    }
    int b = a;
    while (b < tag.length()
        && (Character.isLetterOrDigit(tag.charAt(b))
            || tag.charAt(b) == ':'
            || tag.charAt(b) == '-')) {
      b++;
    }
    String name = tag.substring(a, b).toLowerCase(Locale.ROOT);
    int colon = name.indexOf(':');
    return colon >= 0 ? name.substring(colon + 1) : name;
  }

  /** Index just past the end tag of {@code name} (or the end of the text). */
  private static int skipElement(String html, int from, String name) {
    String lower = "</" + name;
    int n = html.length();
    int i = from;
    while (i < n) {
      int lt = html.indexOf("</", i);
      if (lt < 0) {
        return n;
      }
      if (html.regionMatches(true, lt, lower, 0, lower.length())) {
        int gt = html.indexOf('>', lt);
        return gt < 0 ? n : gt + 1;
      }
      i = lt + 2;
    }
    return n;
  }

  private static int entity(String html, int at, StringBuilder out) {
    int semi = -1;
    int limit = Math.min(html.length(), at + 34);
    for (int j = at + 1; j < limit; j++) {
      char c = html.charAt(j);
      if (c == ';') {
        semi = j;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') {
        break;
      }
    }
    if (semi < 0) {
      out.append('&');
      return at + 1;
    }
    String name = html.substring(at + 1, semi);
    String value = null;
    if (name.startsWith("#")) {
      try {
        int cp =
            name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        if (Character.isValidCodePoint(cp) && cp != 0) {
          value = cp == 0xa0 ? " " : new String(Character.toChars(cp));
        }
      } catch (NumberFormatException e) {
        value = null;
      }
    } else {
      value = ENTITIES.get(name);
      if (value == null) {
        value = ENTITIES.get(name.toLowerCase(Locale.ROOT));
      }
      if (value == null) {
        value = named(name);
      }
    }
    if (value == null) {
      out.append('&');
      return at + 1;
    }
    out.append(value);
    return semi + 1;
  }

  /**
   * Any other named entity of HTML ("&rarr;", "&asymp;", "&frac13;"), as the character it names,
   * from jsoup's table of the full HTML5 set; null when HTML has no such name. The table above
   * keeps its plain-text choices (a dash for "&ndash;", a space for "&nbsp;"), on which the golden
   * spans of the corpus were written.
   */
  private static String named(String name) {
    String entity = "&" + name + ";";
    String decoded = Parser.unescapeEntities(entity, false);
    return decoded.equals(entity) ? null : decoded;
  }

  private static void appendText(StringBuilder out, String s, int from, int to, boolean pre) {
    for (int i = from; i < to; i++) {
      appendChar(out, s.charAt(i), pre);
    }
  }

  /** Outside pre, runs of white space (source line breaks included) become one space. */
  private static void appendChar(StringBuilder out, char c, boolean pre) {
    if (pre) {
      out.append(c == '\r' ? '\n' : c);
      return;
    }
    if (Character.isWhitespace(c)) {
      int len = out.length();
      if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
        out.append(' ');
      }
      return;
    }
    out.append(c);
  }

  private static void breakLines(StringBuilder out, int count) {
    int len = out.length();
    while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
      len--;
    }
    out.setLength(len);
    if (len == 0) {
      return;
    }
    int have = 0;
    while (have < len && out.charAt(len - 1 - have) == '\n') {
      have++;
    }
    for (int k = have; k < count; k++) {
      out.append('\n');
    }
  }

  /** Trims each line and keeps at most one blank line in a row. */
  private static String tidy(StringBuilder raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int blank = 0;
    int start = 0;
    int n = raw.length();
    while (start <= n) {
      int nl = raw.indexOf("\n", start);
      int end = nl < 0 ? n : nl;
      int a = start;
      int b = end;
      // Leading spaces can only come from <pre> (elsewhere they were collapsed): keep them.
      while (b > a && (raw.charAt(b - 1) == ' ' || raw.charAt(b - 1) == '\t')) {
        b--;
      }
      if (raw.substring(a, b).isBlank()) {
        blank++;
      } else {
        if (out.length() > 0) {
          out.append(blank > 0 ? "\n\n" : "\n");
        }
        out.append(raw, a, b);
        blank = 0;
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out.toString();
  }
}
